package ui

import (
	"net/http"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/scenario"
)

// sendBurst sends what bubbletea makes of keys that arrive in one read: the
// runes as one KeyRunes message, an ESC before a key as that key with Alt.
func sendBurst(t testing.TB, a *App, msg tea.KeyMsg) {
	t.Helper()
	_, cmd := a.Update(msg)
	drain(t, a, cmd, 0)
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// Keys sent together are all handled in menus, selects and forms, as in
// the list: jj moves two rows, two Escapes (read as alt+esc) go back twice.
func TestBurstsInFlows(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "n")
	sendBurst(t, a, runes("jj"))
	if v := a.View(); !strings.Contains(v, "› PII") {
		t.Fatalf("jj in the New token menu did not move two rows:\n%s", v)
	}
	press(t, a, "k", "k", "enter")
	sendBurst(t, a, runes("jj"))
	if v := a.View(); !strings.Contains(v, "› mastercard ") {
		t.Fatalf("jj in the preset select did not move two rows:\n%s", v)
	}
	sendBurst(t, a, tea.KeyMsg{Type: tea.KeyEsc, Alt: true})
	if a.flow != nil {
		t.Fatalf("two Escapes in one read left the flow open:\n%s", a.View())
	}

	press(t, a, "s")
	sendBurst(t, a, runes("jj"))
	if v := a.View(); !strings.Contains(v, "› "+scenario.Packs()[2]+" ") { // the third
		t.Fatalf("jj in the scenario picker did not move two rows:\n%s", v)
	}
	sendBurst(t, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q"), Alt: true}) // esc, then q
	if a.flow != nil || a.pc.Ctx.Err() == nil {
		t.Fatalf("esc q in one read: the picker is open (%v) or q did not quit:\n%s", a.flow != nil, a.View())
	}
}

// A key read right after the one that closes a flow, before the flow's
// DoneMsg arrives, is meant for the list under it.
func TestKeyAfterClosingKeyGoesToTheList(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "n")
	_, late := a.Update(keyMsg("esc")) // its DoneMsg is not delivered yet
	a.Update(keyMsg("j"))
	if a.flow != nil || a.list.cursor != 1 {
		t.Fatalf("j after esc: flow open %v, cursor %d (want the list, row 2)", a.flow != nil, a.list.cursor)
	}
	press(t, a, "n")
	drain(t, a, late, 0) // the old menu's DoneMsg must not close the new one
	if a.flow == nil {
		t.Fatal("a late DoneMsg of a closed flow closed the next one")
	}
}

// An alt key a text field answers to (option+left: a word back) keeps its
// meaning there; elsewhere it is esc and the key.
func TestAltKeysOfATextFieldStay(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "i")
	sendBurst(t, a, runes("tok visa"))
	sendBurst(t, a, tea.KeyMsg{Type: tea.KeyLeft, Alt: true})
	if a.flow == nil {
		t.Fatal("alt+left in the id field closed the flow")
	}
	sendBurst(t, a, tea.KeyMsg{Type: tea.KeyEsc, Alt: true})
	if a.flow != nil {
		t.Fatal("two Escapes in the id field left it open")
	}
}

// q while a create is in flight asks first, as the README says, instead
// of doing nothing.
func TestQAsksWhileAWriteIsInFlight(t *testing.T) {
	h := testio.HangOn(func(r *http.Request) bool { return r.Method == http.MethodPost })
	a := newApp(t, newSessionWith(t, nil, h.Wrap), 80, 24)
	press(t, a, "n", "enter")
	_, cmd := a.Update(keyMsg("enter")) // review the plan
	drain(t, a, cmd, 0)
	a.Update(keyMsg("enter")) // apply: the command that sends is not run
	if quits(a, "q") || !a.confirmQuit {
		t.Fatalf("q while a write is in flight: quit at once, or did not ask:\n%s", a.View())
	}
}

// Keys typed before the terminal is raw (at start, or before an SSH link
// is up) come through the line discipline, enter as a newline: n and two
// of them still reach the new token's plan.
func TestNewlinesTypedBeforeRawModeAreEnter(t *testing.T) {
	a := runBytes(t, "n\n\n")
	if view := a.View(); !strings.Contains(view, "Plan: 1 to add") {
		t.Fatalf("n and two newlines at start did not reach the plan:\n%s", view)
	}
}
