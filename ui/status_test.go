package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// A status line expires statusTTL after it was set; the tick of an older
// line does not clear a newer one. The ticks are sent by the test.
func TestStatusLineExpires(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	var ticks []tea.Msg
	a.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		if d != statusTTL {
			t.Errorf("status expires after %s, want %s", d, statusTTL)
		}
		ticks = append(ticks, msg)
		return nil
	}
	press(t, a, "o") // "sorted oldest first"
	if a.status.text == "" || len(ticks) != 1 {
		t.Fatalf("o: status %q, %d ticks", a.status.text, len(ticks))
	}
	first := ticks[0]
	press(t, a, "o")
	second := a.status.text
	a.Update(first) // the first line's tick: the second stays
	if a.status.text != second {
		t.Fatalf("an old tick cleared the newer status %q (now %q)", second, a.status.text)
	}
	a.Update(ticks[len(ticks)-1])
	if a.status.text != "" {
		t.Fatalf("the status %q did not expire", a.status.text)
	}
}

// An error stays until the next key (no tick), then goes; the quit
// question never expires.
func TestErrorStatusStaysUntilAKey(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	ticked := 0
	a.after = func(time.Duration, tea.Msg) tea.Cmd { ticked++; return nil }
	a.Update(copiedMsg{status: "! copy failed: broken pipe", err: true})
	a.Update(statusExpiredMsg{seq: a.status.seq})
	if ticked != 0 || a.status.text == "" {
		t.Fatalf("an error status expired (ticks %d, status %q)", ticked, a.status.text)
	}
	press(t, a, "j")
	if a.status.text != "" {
		t.Fatalf("the error %q stayed after a key", a.status.text)
	}
	a.confirmQuit = true
	a.setStatus("a request is in flight: quit anyway? y/n")
	a.Update(statusExpiredMsg{seq: a.status.seq})
	if a.status.text == "" {
		t.Fatal("the quit question expired")
	}
}

// What the service says while the program runs (Options.Notices: a lock
// wait) is a status line, not text written under the screen.
func TestServiceNoticesInTheStatusLine(t *testing.T) {
	notices := make(chan string, 1)
	a := New(Options{Session: newSession(t, fixtures(t)), Renderer: asciiRenderer(), Now: fixedNow, Width: 80, Height: 24, Notices: notices}).(*App)
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	batch, ok := a.Init()().(tea.BatchMsg)
	if !ok || len(batch) < 2 {
		t.Fatal("Init does not wait for notices and changes")
	}
	notices <- "Acquiring state lock. This may take a few moments..."
	_, next := a.Update(batch[0]())
	if !strings.Contains(a.View(), "Acquiring state lock.") || next == nil {
		t.Fatalf("the notice is not in the status line (or the next is not awaited):\n%s", a.View())
	}
}

// esc out of the New token menu, nothing in flight, says nothing: a
// "cancelled" status spoke only of the esc just pressed.
func TestEscOutOfAFlowSaysNothing(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "n", "esc")
	if a.flow != nil || a.status.text != "" {
		t.Fatalf("esc out of the menu: flow %v, status %q; want closed, no status", a.flow, a.status.text)
	}
}
