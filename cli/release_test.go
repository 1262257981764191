package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// cancel of a PaymentIntent waiting for capture releases its charge:
// get shows the charge refunded in full, and refund has nothing left.
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
	if err := json.Unmarshal([]byte(s.ok("get", got.LatestCharge, "--json").out), &ch); err != nil || !ch.Refunded || ch.AmountRefunded != 1000 || ch.Captured {
		t.Errorf("released charge: %+v %v", ch, err)
	}
	if r := s.expect(1, "refund", got.LatestCharge); !strings.Contains(r.errOut, "charge_already_refunded") {
		t.Errorf("refund of a released charge:\n%s", r.errOut)
	}
}
