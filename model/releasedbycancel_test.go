package model

import "testing"

// A canceled PaymentIntent that held an authorization says its cancel
// released it (its charge reads as one held: regress2#4); one canceled
// before it held anything, or after a decline, says only canceled.
func TestCanceledPaymentIntentSaysReleased(t *testing.T) {
	status := paymentIntentKind.Fields[0]
	if status.Label != "status" {
		t.Fatalf("the PaymentIntent's first row is %s", status.Label)
	}
	pi := func(more Fields) Fields {
		f := Fields{"status": "canceled", "amount": "4000", "currency": "usd", "amount_received": "0"}
		for k, v := range more {
			f[k] = v
		}
		return f
	}
	for name, c := range map[string]struct {
		f    Fields
		want string
	}{
		"released": {pi(Fields{"latest_charge": "ch_1"}),
			"canceled: it can no longer be used; its authorization of 40.00 usd (ch_1) was released uncaptured, with no refund"},
		"never charged": {pi(nil), "canceled: it can no longer be used"},
		"declined": {pi(Fields{"latest_charge": "ch_1", "last_payment_error": map[string]any{"code": "card_declined"}}),
			"canceled: it can no longer be used"},
		"held": {pi(Fields{"status": "requires_capture", "latest_charge": "ch_1"}),
			"requires_capture: authorized: capture it to take the money, or cancel it"},
	} {
		if got := status.Show(c.f); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
