package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// cancel of a PaymentIntent waiting for capture releases its charge with
// no refund (Stripe since 2025-03-31.basil): get shows the charge
// uncaptured and unrefunded, its pane sends the reader to the
// PaymentIntent, and refund is refused.
func TestCancelReleasesChargeCLI(t *testing.T) {
	s := newSandbox(t)
	pi, _ := piOf(t, s.ok("use", s.create("card", "visa"), "--payment-intent", "1000", "--capture", "manual", "--json").out)
	s.ok("cancel", pi)
	var got struct {
		LatestCharge string `json:"latest_charge"`
	}
	if err := json.Unmarshal([]byte(s.ok("get", pi, "--json").out), &got); err != nil || got.LatestCharge == "" {
		t.Fatalf("get %s: %v", pi, err)
	}
	var ch struct {
		Refunded       bool  `json:"refunded"`
		AmountRefunded int64 `json:"amount_refunded"`
		Captured       bool  `json:"captured"`
	}
	if err := json.Unmarshal([]byte(s.ok("get", got.LatestCharge, "--json").out), &ch); err != nil || ch.Refunded || ch.AmountRefunded != 0 || ch.Captured {
		t.Errorf("released charge: %+v %v", ch, err)
	}
	if out := s.ok("get", got.LatestCharge).out; !strings.Contains(out, "its PaymentIntent "+pi+" captures it, or released it if canceled (its status says which)") {
		t.Errorf("get of the released charge:\n%s", out)
	}
	if out := s.ok("get", pi).out; !strings.Contains(out, "its authorization of 10.00 usd ("+got.LatestCharge+") was released uncaptured") {
		t.Errorf("get of the canceled PaymentIntent:\n%s", out)
	}
	if r := s.expect(1, "refund", got.LatestCharge); !strings.Contains(r.errOut, "payment_intent_unexpected_state") ||
		!strings.Contains(r.errOut, "its authorization was released") {
		t.Errorf("refund of a released charge:\n%s", r.errOut)
	}
}
