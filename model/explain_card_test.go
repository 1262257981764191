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

// A PaymentIntent's last error is explained by the card of the
// PaymentMethod it names; a card that declines only after 3D Secure
// (threeds_declined, 1629) by its own text, not generic_decline's 0002.
func TestPaymentErrorExplainsByItsCard(t *testing.T) {
	pi := Fields{"id": "pi_1", "object": "payment_intent", "status": PIRequiresPaymentMethod,
		"last_payment_error": map[string]any{"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
			"message": "Your card was declined.", "payment_method": map[string]any{"card": map[string]any{"last4": "1629", "country": "US"}}}}
	e := PaymentError(pi)
	if e == nil || !strings.HasPrefix(e.Why, "4000008400001629 requires 3D Secure") || !strings.Contains(e.Next, "threeds_declined") {
		t.Errorf("explained as %+v", e)
	}
}
