package service

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/views"
)

// A plan shown for a while (the TUI's, which holds no lock while it
// waits for a person) whose changes another tokenscope made meanwhile:
// the apply plans again under the lock, makes nothing twice, and says
// what was found done, instead of an unexplained "0 added" after a plan
// of 5 to add (testui#10).
func TestApplySaysWhatWasDoneSinceThePlan(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, twoChargedRefunded)
	shown := planFor(t, s, f, scenario.PlanOptions{})
	if r := s.Apply(t.Context(), planFor(t, s, f, scenario.PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err) // the other tokenscope's apply
	}
	r := s.Apply(t.Context(), shown, nil)
	if len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	if add, _, _ := r.Counts(); add != 0 || len(workspace(t, s).Tokens) != 2 {
		t.Fatalf("the apply of the old plan added %d; the state holds %d tokens, want 2", add, len(workspace(t, s).Tokens))
	}
	if got, want := len(r.DoneSincePlan), len(shown.Changes); got != want || want == 0 {
		t.Errorf("done since the plan: %v, want the plan's %d changes", r.DoneSincePlan, want)
	}
	closing := views.ApplyClosing(r)
	if !strings.Contains(closing, "The state changed since the plan:") || !strings.Contains(closing, "already made by another tokenscope") {
		t.Errorf("closing line %q does not say the state changed since the plan", closing)
	}

	// An apply of a fresh plan says nothing of the kind.
	if r := s.Apply(t.Context(), planFor(t, s, f, scenario.PlanOptions{}), nil); len(r.DoneSincePlan) != 0 || strings.Contains(views.ApplyClosing(r), "since the plan") {
		t.Errorf("a fresh plan's apply says %q", views.ApplyClosing(r))
	}
}
