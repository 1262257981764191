package model

import "testing"

// An authorization reads "uncaptured" in lists and panes (Stripe's status
// says succeeded), one released by a refund "released"; a PaymentIntent's
// reads the same held or released by a cancel, so its pane names the
// PaymentIntent; other charges read their status.
func TestChargeState(t *testing.T) {
	status := chargeKind.Fields[0]
	for _, c := range []struct {
		name          string
		f             Fields
		summary, pane string
	}{
		{"authorized", Fields{"status": "succeeded", "captured": false, "refunded": false, "amount": "1000", "currency": "usd",
			"payment_method_details": map[string]any{"card": map[string]any{"capture_before": "1774105766"}}},
			"10.00 usd uncaptured", "uncaptured: authorized, not captured yet (capture before 2026-03-21 15:09 UTC)"},
		{"a PaymentIntent's", Fields{"status": "succeeded", "captured": false, "refunded": false, "amount": "1000", "currency": "usd", "payment_intent": "pi_1"},
			"10.00 usd uncaptured", "uncaptured: not captured; its PaymentIntent pi_1 captures it, or released it if canceled"},
		{"released", Fields{"status": "succeeded", "captured": false, "refunded": true, "amount": "1000", "currency": "usd"},
			"10.00 usd released", "released: the authorization was released uncaptured"},
		{"captured", Fields{"status": "succeeded", "captured": true, "amount": "1000", "currency": "usd"},
			"10.00 usd succeeded", "succeeded"},
		{"failed", Fields{"status": "failed", "captured": false, "amount": "1000", "currency": "usd"},
			"10.00 usd failed", "failed"},
	} {
		if got := chargeKind.Summary(c.f); got != c.summary {
			t.Errorf("%s: summary %q, want %q", c.name, got, c.summary)
		}
		if got := status.Value(c.f); got != c.pane {
			t.Errorf("%s: status %q, want %q", c.name, got, c.pane)
		}
	}
}
