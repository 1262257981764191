package ui

import (
	"strings"
	"testing"
)

// At 80 columns a status too long for its line wraps, ids whole, and is
// read whole ("(ch_2SUZVXTjQ5HcYf1cVm73r4…" was cut, then the words
// before it); beside the spinner the words give way and the ids stay.
func TestStatusLineKeepsIDsWhole(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	const ids = "ch_2SUZVXTjQ5HcYf1cVm73r4Ab · req_5XnKqswR2zlQ7a"
	msg := "charge declined: card_declined / insufficient_funds (" + ids + ")"
	a.setStatus(msg)
	if v := a.View(); !strings.Contains(strings.Join(strings.Fields(v), " "), msg) || !strings.Contains(statusRow(a), ids+")") || strings.Count(v, "\n") != 23 {
		t.Fatalf("status at 80 columns, not whole:\n%s", v)
	}
	a.busy, a.busyLabel = 1, "refreshing tok_visa"
	if line := statusRow(a); !strings.Contains(line, ids+")") {
		t.Fatalf("status line beside the spinner: %q", line)
	}
}

// statusRow is the status line as the screen shows it.
func statusRow(a *App) string {
	lines := strings.Split(a.View(), "\n")
	return lines[len(lines)-2]
}
