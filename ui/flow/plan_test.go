package flow

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// At 40x12 the plan does not fit: its summary stays in sight under a
// scrolling body, a hint says there is more, and the keys are said once
// (in the shell's footer, not in the body).
func TestPlanScrollsWithSummaryPinned(t *testing.T) {
	pc, _ := newContext(t, 40, 12, setup{})
	r := start(t, NewToken(pc), 40, 12)
	r.keys("enter")
	r.shows("New card token")
	r.keys("enter")
	s := r.shows("Plan: 1 to add", "↓ more below")
	if n := strings.Count(s.view, "\n") + 1; n > 12 {
		t.Errorf("the plan is %d lines high at 40x12:\n%s", n, s.view)
	}
	if strings.Contains(s.view, "apply · ") {
		t.Errorf("the plan's body repeats the footer's keys:\n%s", s.view)
	}
	r.keys("pgdown", "pgdown", "down", "down", "down", "down", "down", "down")
	r.shows("Plan: 1 to add", "↑ more above", "POST /v1/tokens")
}

// At 80 columns the use plan's note and the warning over a gone token's
// form wrap at spaces under their value instead of being cut: the expected
// outcome is read whole, and no line is wider than the terminal.
func TestUseTextsWrapAt80(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	rec := created(t, pc, "insufficient_funds")
	rec.Gone = true
	r := start(t, NewUse(pc, rec), 80, 24)
	s := r.shows("no longer exists at Stripe")
	flat := strings.Join(strings.Fields(s.view), " ")
	if !strings.Contains(flat, "using it will fail with resource_missing.") || strings.Contains(s.view, "…") {
		t.Errorf("the warning is cut:\n%s", s.view)
	}
	r.keys("enter")
	s = r.shows("# charge.insufficient_funds will be created")
	flat = strings.Join(strings.Fields(s.view), " ")
	if !strings.Contains(flat, "(test card insufficient_funds, expected: declined") || strings.Contains(s.view, "…") {
		t.Errorf("the plan's note is cut:\n%s", s.view)
	}
	lines := strings.Split(s.view, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line %d is %d wide: %q", i, ansi.StringWidth(l), l)
		}
		if strings.Contains(l, `+ source   = "tok_`) {
			// the continuation starts under the value, past "= "
			if next := lines[i+1]; len(next)-len(strings.TrimLeft(next, " ")) != strings.Index(l, `"tok_`) {
				t.Errorf("the note's continuation is not under the value:\n%s\n%s", l, next)
			}
		}
	}
}
