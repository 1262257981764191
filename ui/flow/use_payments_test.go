package flow

import "testing"

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
