package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Words give way before ids: the status of a decline at 80 columns keeps
// its charge and request ids whole, the codes before them are cut.
func TestFitIDsKeepsIDsWhole(t *testing.T) {
	const ch, req = "ch_2SUZVXTjQ5HcYf1cVm73r4Ab", "req_5XnKqswR2zlQ7a"
	s := "charge declined: card_declined / insufficient_funds (" + ch + " · " + req + ")"
	for _, w := range []int{78, 60, 52} {
		got := FitIDs(s, w)
		if ansi.StringWidth(got) > w || !strings.Contains(got, ch+" · "+req+")") || !strings.Contains(got, "…") {
			t.Errorf("FitIDs(%d) = %q: want both ids whole, the text cut with …", w, got)
		}
	}
	if got := FitIDs("created tok_1QxYz8Lk2mN3pQ4rS5tU6vW7 (Visa •••• 4242)", 40); got != "created tok_1QxYz8Lk2mN3pQ4rS5tU6vW7 (V…" {
		t.Errorf("the summary after the id does not give way first: %q", got)
	}
	if got := FitIDs("retrieved "+ch, 12); got != "… ch_2SUZVX…" {
		t.Errorf("narrower than the id: %q, want the words gone first, then the id cut with …", got)
	}
	if got := FitIDs("sorted by kind", 80); got != "sorted by kind" {
		t.Errorf("a line that fits changed: %q", got)
	}
}

// An id wider than the line is cut with "…", not broken over two lines
// (at 40x12 the detail showed "pi_LoxODvbUs4jLYfmeSZOayI" / "MA").
func TestWrapCutsAnIDItCannotFit(t *testing.T) {
	got := Wrap("used by pi_LoxODvbUs4jLYfmeSZOayIMA (payment_intent requires_action)", 20)
	lines := strings.Split(got, "\n")
	if lines[1] != "pi_LoxODvbUs4jLYfme…" {
		t.Errorf("the id is not cut with …:\n%s", got)
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "MA") {
			t.Errorf("the id is broken over two lines:\n%s", got)
		}
	}
}
