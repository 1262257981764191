package model

import "testing"

// An authorization reads "uncaptured" in lists (Stripe's status says
// succeeded), one released by a refund "released"; a PaymentIntent's
// reads the same held or released by a cancel, so its pane names the
// PaymentIntent; other charges read their status. In a pane the status
// row is the API's status, a row named after a field showing its value
// (testui#13), and the captured row says uncaptured or released.
func TestChargeState(t *testing.T) {
	status, captured := chargeKind.Fields[0], chargeKind.Fields[1]
	if status.Label != "status" || captured.Label != "captured" {
		t.Fatalf("the charge's first rows are %s and %s", status.Label, captured.Label)
	}
	for _, c := range []struct {
		name                  string
		f                     Fields
		summary, pane, cpture string
	}{
		{"authorized", Fields{"status": "succeeded", "captured": false, "refunded": false, "amount": "1000", "currency": "usd",
			"payment_method_details": map[string]any{"card": map[string]any{"capture_before": "1774105766"}}},
			"10.00 usd uncaptured", "succeeded", "false (uncaptured): authorized, not captured yet (capture before 2026-03-21 15:09 UTC)"},
		{"a PaymentIntent's", Fields{"status": "succeeded", "captured": false, "refunded": false, "amount": "1000", "currency": "usd", "payment_intent": "pi_1"},
			"10.00 usd uncaptured", "succeeded", "false (uncaptured): not captured; its PaymentIntent pi_1 captures it, or released it if canceled (its status says which)"},
		{"released", Fields{"status": "succeeded", "captured": false, "refunded": true, "amount": "1000", "currency": "usd"},
			"10.00 usd released", "succeeded", "false (released): the authorization was released uncaptured"},
		{"captured", Fields{"status": "succeeded", "captured": true, "amount": "1000", "currency": "usd"},
			"10.00 usd succeeded", "succeeded", ""},
		{"failed", Fields{"status": "failed", "captured": false, "amount": "1000", "currency": "usd"},
			"10.00 usd failed", "failed", ""},
		{"pending", Fields{"status": "pending", "captured": true, "amount": "1000", "currency": "usd"},
			"10.00 usd pending", "pending: a bank debit waits for the bank's answer", ""},
	} {
		if got := chargeKind.Summary(c.f); got != c.summary {
			t.Errorf("%s: summary %q, want %q", c.name, got, c.summary)
		}
		if got := status.Show(c.f); got != c.pane {
			t.Errorf("%s: status %q, want %q", c.name, got, c.pane)
		}
		if got := captured.Show(c.f); got != c.cpture {
			t.Errorf("%s: captured %q, want %q", c.name, got, c.cpture)
		}
	}
}
