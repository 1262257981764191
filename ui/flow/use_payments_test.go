package flow

import (
	"strings"
	"testing"
)

// u on a 3DS card pays a PaymentIntent that waits for authentication; a
// in the outcome pane completes the challenge.
func TestUsePaymentIntentThenAuthenticate(t *testing.T) {
	pc, _ := newContext(t, 120, 40, setup{})
	rec := created(t, pc, "threeds_always")
	r := start(t, NewUse(pc, rec), 120, 40)
	r.shows("pay a PaymentIntent", "make a PaymentMethod")
	r.keys("down", "down", "down")
	r.shows("enter: review the plan (10.00 usd, capture automatic) · tab: change them")
	r.keys("tab")
	r.shows("┃ Amount")
	r.keys("enter")
	r.shows("POST /v1/payment_intents", "then succeeded")
	r.keys("enter")
	r.shows("PaymentIntent requires_action", "a: complete the 3D Secure challenge")
	r.keys("a")
	r.shows("PaymentIntent succeeded", "any key: close")
}

// f fails the challenge: the outcome is the PaymentIntent's
// last_payment_error, shown as an error (!, code, message, why), as the
// CLI shows it, not "+ PaymentIntent requires_payment_method" and the
// card's expected success. A decline after authentication (a on
// threeds_no_funds) is shown the same way.
func TestUseChallengeFailureIsAnError(t *testing.T) {
	for _, c := range []struct{ preset, key, head, code string }{
		{"threeds_always", "f", "! PaymentIntent authentication failed", "payment_intent_authentication_failure"},
		{"threeds_no_funds", "a", "! PaymentIntent declined", "insufficient_funds"},
	} {
		pc, _ := newContext(t, 120, 40, setup{})
		r := start(t, NewUse(pc, created(t, pc, c.preset)), 120, 40)
		r.keys("down", "down", "down", "enter")
		r.shows("POST /v1/payment_intents")
		r.keys("enter")
		r.shows("a: complete the 3D Secure challenge")
		r.keys(c.key)
		s := r.shows(c.head, c.code, "message", "why", "any key: close")
		if strings.Contains(s.view, "+ PaymentIntent") || strings.Contains(s.view, "then succeeded") {
			t.Errorf("%s %s: the failure is shown as a success:\n%s", c.preset, c.key, s.view)
		}
	}
}
