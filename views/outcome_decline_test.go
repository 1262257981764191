package views

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A decline the card used is made to give is explained in that card's
// words: threeds_no_funds, declined for insufficient funds after 3D
// Secure, is not "4000000000009995 simulates a card without enough
// funds" (the decline code's explanation, the catalog's first such card).
func TestOutcomeExplainsTheCardsOwnDecline(t *testing.T) {
	for _, c := range []struct{ preset, want, not string }{
		{"threeds_no_funds", "4000008260003178", "9995"},
		{"insufficient_funds", "4000000000009995", "3178"},
	} {
		e := &model.Error{Type: model.TypeCardError, Code: "card_declined", DeclineCode: "insufficient_funds", Message: "Your card has insufficient funds."}
		e.Explain()
		o := Outcome{Req: model.UseRequest{Kind: model.UsePaymentIntent}, Before: model.Record{Preset: c.preset}, Err: e, TUI: true}
		var why string
		for _, f := range o.Fields() {
			if f.Label == "why" {
				why = f.Value
			}
		}
		if !strings.Contains(why, c.want) || strings.Contains(why, c.not) {
			t.Errorf("%s: why %q, want the card's own explanation", c.preset, why)
		}
	}
}
