package ui

import (
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

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
