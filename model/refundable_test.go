package model

import "testing"

// What remains to refund is what was captured less what was refunded: a
// partial capture's rest was released with no refund (Stripe since
// 2025-03-31.basil), so it is neither refundable nor in amount_refunded.
func TestRefundableAfterPartialCapture(t *testing.T) {
	for _, c := range []struct {
		name string
		f    Fields
		want int64
	}{
		{"captured in part", Fields{"status": "succeeded", "captured": true, "amount": "1000", "amount_captured": "600", "amount_refunded": "0"}, 600},
		{"then refunded 1.00", Fields{"status": "succeeded", "captured": true, "amount": "1000", "amount_captured": "600", "amount_refunded": "100"}, 500},
		{"captured whole, refunded in part", Fields{"status": "succeeded", "captured": true, "amount": "1500", "amount_captured": "1500", "amount_refunded": "500"}, 1000},
		{"not captured", Fields{"status": "succeeded", "captured": false, "amount": "1000", "amount_captured": "0"}, 0},
	} {
		if got, _ := (Subject{ID: "ch_1", F: c.f}).Refundable(); got != c.want {
			t.Errorf("%s: %d remains, want %d", c.name, got, c.want)
		}
	}
	if got := AmountCaptured(Fields{"captured": true, "amount": "1000", "amount_captured": "600", "amount_refunded": "0", "currency": "usd"}); got != "6.00 usd (4.00 usd released uncaptured)" {
		t.Errorf("amount_captured shown as %q", got)
	}
	if _, quiet := AmountCapturedField.Read(Fields{"captured": true, "amount": "1000", "amount_captured": "1000", "currency": "usd"}); !quiet {
		t.Error("amount_captured of a charge captured whole is shown")
	}
}
