package ui

import (
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

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

func TestRowSummary(t *testing.T) {
	for _, c := range []struct {
		kind          model.Kind
		summary, want string
	}{
		{model.KindCard, "Visa •••• 4242", "Visa •4242"},
		{model.KindCard, "American Express •••• 0005", "American Express •0005"},
		{model.KindBank, "STRIPE TEST BANK •••• 6789", "Bank •6789"},
		{model.KindBank, "Bank •••• 6789", "Bank •6789"},
		{model.KindPII, "id number", "id number"},
		{model.KindAccount, "account", "account"},
		{model.KindBank, "EVIL\x1b]52;c;x\a BANK •••• 1234", "Bank •1234"},
		{model.KindCard, "Vi\x1b[31msa •••• 4242", "Vi[31msa •4242"}, // no escape reaches the terminal
	} {
		r := model.Record{Type: c.kind, Summary: c.summary}
		if got := rowSummary(&r); got != c.want {
			t.Errorf("rowSummary(%s %q) = %q, want %q", c.kind, c.summary, got, c.want)
		}
	}
}
