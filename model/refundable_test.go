package model

import "testing"

// What remains to refund counts the rest a partial capture released as
// refunded (Stripe's amount_refunded does) without taking it off twice.
func TestRefundableAfterPartialCapture(t *testing.T) {
	for _, c := range []struct {
		name string
		f    Fields
		want int64
	}{
		{"captured in part", Fields{"status": "succeeded", "captured": true, "amount": "1000", "amount_captured": "600", "amount_refunded": "400"}, 600},
		{"then refunded 1.00", Fields{"status": "succeeded", "captured": true, "amount": "1000", "amount_captured": "600", "amount_refunded": "500"}, 500},
		{"captured whole, refunded in part", Fields{"status": "succeeded", "captured": true, "amount": "1500", "amount_captured": "1500", "amount_refunded": "500"}, 1000},
		{"not captured", Fields{"status": "succeeded", "captured": false, "amount": "1000", "amount_captured": "0"}, 0},
	} {
		if got, _ := (Subject{ID: "ch_1", F: c.f}).Refundable(); got != c.want {
			t.Errorf("%s: %d remains, want %d", c.name, got, c.want)
		}
	}
	if got := AmountRefunded(Fields{"captured": true, "amount": "1000", "amount_captured": "600", "amount_refunded": "400", "currency": "usd"}); got != "4.00 usd (4.00 usd released uncaptured)" {
		t.Errorf("amount_refunded shown as %q", got)
	}
}
