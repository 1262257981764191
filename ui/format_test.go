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
