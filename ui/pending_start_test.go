package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A TUI started on a state a killed tokenscope left a request pending in
// says so at once, in full at 80 columns (the note wraps, it was cut and
// only shown after a later load), and the header keeps "! 1 pending"
// after a key clears the note, until a write sends it again.
func TestPendingSaidAtStartInFull(t *testing.T) {
	dir, api := killedWithPending(t)
	a := newApp(t, sessionIn(t, dir, api, nil), 80, 24)
	v := a.View()
	const note = "1 interrupted request waiting to be sent again with its Idempotency-Key by the next write (or tokenscope refresh), which records what it made"
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, note) || !strings.Contains(v, "! 1 pending") {
		t.Fatalf("at start, want the whole note %q and the header's count:\n%s", note, v)
	}
	if n := strings.Count(v, "\n"); n != 23 {
		t.Fatalf("%d rows, want 24:\n%s", n+1, v)
	}
	a.Update(tea.KeyMsg{Type: tea.KeyDown})
	if v := a.View(); strings.Contains(v, "interrupted request") || !strings.Contains(v, "! 1 pending") {
		t.Fatalf("after a key, want the note gone and the count kept:\n%s", v)
	}
}

// The recovery of an interrupted request stays until a key: the status
// the write that sent it sets next goes before it, not in its place.
func TestRecoveryKeptBesideTheNextStatus(t *testing.T) {
	a := newApp(t, newSession(t, nil), 80, 24)
	a.Update(recoveredMsg("interrupted request sent again (create card visa •••• 4242): tok_1 is now in the state"))
	a.Update(StatusMsg("created tok_2"))
	flat := strings.Join(strings.Fields(a.View()), " ")
	if !strings.Contains(flat, "created tok_2 · interrupted request sent again (create card visa •••• 4242): tok_1 is now in the state") {
		t.Fatalf("want both, the newest first:\n%s", a.View())
	}
	a.Update(tea.KeyMsg{Type: tea.KeyDown})
	a.Update(StatusMsg("copied tok_2"))
	if v := a.View(); strings.Contains(v, "interrupted") || !strings.Contains(v, "copied tok_2") {
		t.Fatalf("after a key, want the recovery gone:\n%s", v)
	}
}
