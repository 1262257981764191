package ui

import (
	"strings"
	"testing"
)

// At 80 columns a status line keeps its ids whole: the words before them
// give way ("(ch_2SUZVXTjQ5HcYf1cVm73r4…" was cut).
func TestStatusLineKeepsIDsWhole(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	const ids = "ch_2SUZVXTjQ5HcYf1cVm73r4Ab · req_5XnKqswR2zlQ7a"
	a.setStatus("charge declined: card_declined / insufficient_funds (" + ids + ")")
	if line := statusRow(a); !strings.Contains(line, ids+")") || !strings.Contains(line, "…") {
		t.Fatalf("status line at 80 columns: %q", line)
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
