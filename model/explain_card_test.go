package model

import (
	"strings"
	"testing"
)

// A decline is explained by the test card that was declined: the code
// alone (generic_decline) names the first card with it, 0002.
func TestExplainCardNamesTheCardUsed(t *testing.T) {
	decline := func() *Error {
		e := &Error{Type: "card_error", Code: "card_declined", DeclineCode: "generic_decline", Message: "Your card was declined.", HTTPStatus: 402}
		e.Explain()
		return e
	}
	e := decline()
	e.ExplainCard("0341", "US")
	if !strings.HasPrefix(e.Why, "4000000000000341 attaches to a customer") || !strings.Contains(e.Next, "customer_charge_fail test card") {
		t.Errorf("0341 explained as %q / %q", e.Why, e.Next)
	}
	e = decline()
	e.ExplainCard("0002", "US")
	if !strings.HasPrefix(e.Why, "4000000000000002 simulates") {
		t.Errorf("0002 explained as %q", e.Why)
	}
	e = decline()
	e.ExplainCard("1234", "")
	if strings.Contains(e.Why, "0002") || !strings.Contains(e.Why, "••••1234") || !strings.Contains(e.Next, "generic_decline test card") {
		t.Errorf("a card of no catalogue explained as %q / %q", e.Why, e.Next)
	}
}
