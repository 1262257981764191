package ui

import "testing"

// A line cut to fit ends in "…": nothing is lost without a sign.
func TestFitLinesMarksTheCut(t *testing.T) {
	got := fitLines([]string{"test card   visa: charges succeed", "short"}, 12, 3)
	want := []string{"test card  …", "short", ""}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// Padding cut off is no loss: no "…" for it.
func TestFitLinesDropsPaddingSilently(t *testing.T) {
	if got := fitLines([]string{"Name  Jenny      "}, 12, 1)[0]; got != "Name  Jenny " {
		t.Errorf("padding cut = %q", got)
	}
}
