package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// sendAll sends messages as one write of the terminal arrives: each is
// handled before any command they started has answered (huh's focus
// moves, the flow's Init), as in the program, where those answers queue
// behind the keys already read. The commands run afterwards.
func sendAll(t testing.TB, a *App, msgs ...tea.KeyMsg) {
	t.Helper()
	var cmds []tea.Cmd
	for _, m := range msgs {
		_, cmd := a.Update(m)
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		drain(t, a, cmd, 0)
	}
}

// The tester's `tmux send-keys u jjj Tab C-u 2000 Enter` on a card token,
// meant as a PaymentIntent of 2000: every key lands where it would typed
// slowly. The tab used to move on to the amount only once huh's command
// came back, so ctrl+u moved the choice of use up to "customer", the digits
// were lost, and enter made the customer's plan (or, when the group move
// came first, huh completed the form and the enter applied it unseen).
func TestUseFormBurst(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 120, 32)
	sendAll(t, a, runes("ujjj"), tea.KeyMsg{Type: tea.KeyTab}, tea.KeyMsg{Type: tea.KeyCtrlU}, runes("2000"), keyMsg("enter"))
	v := a.View()
	if !strings.Contains(v, "# payment_intent.visa will be created") || !strings.Contains(v, "amount         = 2000") {
		t.Fatalf("the burst did not make a PaymentIntent of 2000's plan:\n%s", v)
	}
	// esc goes back to the form as it was: the amount has the focus and
	// takes the next key; shift+tab and k in one write go back to the
	// choice and move it.
	press(t, a, "esc")
	sendAll(t, a, runes("5"))
	if v = a.View(); !strings.Contains(v, "┃ 20005") {
		t.Fatalf("after esc from the plan, 5 is not typed in the amount (want 20005):\n%s", v)
	}
	sendAll(t, a, tea.KeyMsg{Type: tea.KeyShiftTab}, runes("k"))
	if v = a.View(); !strings.Contains(v, "› make a PaymentMethod") {
		t.Fatalf("shift+tab k in one write did not move the choice up one:\n%s", v)
	}
}

// Tab past the choice and a digit in one write: the digit is the amount's
// (it was lost, the amount stayed 1000), and the form stays on the amount
// (huh's own message for the move, come back late, must not move it on).
func TestUseFormTabThenDigit(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "u")
	sendAll(t, a, tea.KeyMsg{Type: tea.KeyTab}, runes("5"))
	if v := a.View(); !strings.Contains(v, "┃ 10005") {
		t.Fatalf("tab 5: the 5 is not in the amount, or the form moved on:\n%s", v)
	}
}

// One write can open a plan but not apply it: "u enter enter" typed ahead
// shows the charge's plan and says why it is still there; enter once the
// plan has been on screen applies it.
func TestBurstDoesNotApplyUnseenPlan(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	now := fixedNow()
	a.pc.Now = func() time.Time { return now }
	a.pc.PlanSettle = 300 * time.Millisecond
	sendAll(t, a, runes("u"), keyMsg("enter"), keyMsg("enter"))
	v := a.View()
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(v, "# charge.visa will be created") || !strings.Contains(flat, "press enter again to apply") {
		t.Fatalf("u enter enter in one write: want the plan, not applied, and why:\n%s", v)
	}
	now = now.Add(time.Second)
	press(t, a, "enter")
	if v := a.View(); strings.Contains(v, "will be created") || !strings.Contains(v, "any key: close") {
		t.Fatalf("enter on a plan on screen for a second did not apply it:\n%s", v)
	}
}

// The other plans keep the same rule: d's plan (forget) and a scenario's
// plan take no enter that came before they could be read, and take the
// next one.
func TestEarlyEnterAppliesNoPlan(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 120, 32)
	now := fixedNow()
	a.pc.Now = func() time.Time { return now }
	a.pc.PlanSettle = 300 * time.Millisecond
	id := a.list.selectedID()
	sendAll(t, a, runes("d"), keyMsg("enter"))
	if flat := strings.Join(strings.Fields(a.View()), " "); a.list.find(id) == nil || !strings.Contains(flat, "press enter again to apply") {
		t.Fatalf("d enter in one write forgot the token, or did not say why not:\n%s", a.View())
	}
	now = now.Add(time.Second)
	press(t, a, "enter")
	if a.list.find(id) != nil {
		t.Fatalf("enter on the forget plan a second later did not forget %s", id)
	}

	press(t, a, planKeys("pack:brands")...) // the plan comes on screen now
	press(t, a, "enter")
	if v := a.View(); !strings.Contains(v, "Plan: ") || !strings.Contains(strings.Join(strings.Fields(v), " "), "press enter again to apply") {
		t.Fatalf("an enter as the scenario's plan came applied it, or did not say why not:\n%s", v)
	}
	now = now.Add(time.Second)
	press(t, a, "enter")
	if v := a.View(); !strings.Contains(v, "Apply complete!") && !strings.Contains(v, "applying") {
		t.Fatalf("enter on the scenario's plan a second later did not apply it:\n%s", v)
	}
}
