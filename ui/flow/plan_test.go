package flow

import (
	"strings"
	"testing"
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
