package ui

import (
	"strings"
	"testing"
)

// d shows the plan of forgetting the selected token, and enter forgets it
// from the state (Stripe keeps it); esc backs out with nothing changed.
func TestForgetTheSelectedToken(t *testing.T) {
	s := newSession(t, fixtures(t))
	a := newApp(t, s, 80, 24)
	id := a.list.selectedID()
	press(t, a, "d")
	if v := a.View(); !strings.Contains(v, "- "+id+" will be forgotten (local only, Stripe keeps it)") || !strings.Contains(v, "enter forget") {
		t.Fatalf("d shows no plan:\n%s", v)
	}
	press(t, a, "esc")
	if a.flow != nil || len(a.list.tokens) != 3 {
		t.Fatalf("esc did not back out (flow %v, %d tokens)", a.flow != nil, len(a.list.tokens))
	}
	press(t, a, "d", "enter")
	if a.flow != nil || a.list.find(id) != nil || !strings.HasPrefix(a.status.text, "forgot "+id) {
		t.Fatalf("enter did not forget %s (status %q):\n%s", id, a.status.text, a.View())
	}
	if _, ok, _ := s.Token(id); ok {
		t.Fatalf("%s is still in the state", id)
	}
}

// D forgets the tokens refresh found gone, and says so when there is none.
func TestForgetGoneTokens(t *testing.T) {
	a := newApp(t, driftSession(t), 80, 24)
	press(t, a, "D")
	if a.flow != nil || !strings.Contains(a.status.text, "no token is marked gone") {
		t.Fatalf("D with nothing gone: flow %v, status %q", a.flow != nil, a.status.text)
	}
	press(t, a, "R", "esc", "D")
	// Stripe no longer has it: the plan does not say Stripe keeps it.
	if v := a.View(); !strings.Contains(v, "- btok_1QxYc3DeFgHiJkLmNoPqRsTu will be forgotten (local only: Stripe no longer") ||
		strings.Contains(v, "Stripe keeps") || strings.Contains(v, "- tok_") {
		t.Fatalf("D does not plan the gone token alone:\n%s", v)
	}
	press(t, a, "enter")
	if len(a.list.tokens) != 2 || a.list.find("btok_1QxYc3DeFgHiJkLmNoPqRsTu") != nil {
		t.Fatalf("the gone token is still listed:\n%s", a.View())
	}
}
