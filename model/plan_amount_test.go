package model

import (
	"strings"
	"testing"
)

// Every plan shows an amount with the money it is, whichever use or move
// plans it: a PaymentIntent's 5000 is 50.00 usd as a charge's is.
func TestPlansShowTheMoneyOfAnAmount(t *testing.T) {
	for _, kind := range []UseKind{UseCharge, UsePaymentIntent, UseAuthorize} {
		c := PlanUse("x", UseRequest{TokenID: "tok_1", Kind: kind, Amount: 5000, Currency: "usd"})
		if got := attrsText(c); !strings.Contains(got, "amount = 5000  (50.00 usd)") {
			t.Errorf("%s plan:\n%s", kind, got)
		}
	}
}

// A scenario's capture step shows its money and what it releases, as the
// TUI's capture plan does, whether it captures an authorization or a
// PaymentIntent.
func TestCaptureStepPlanShowsItsMoney(t *testing.T) {
	for _, kind := range []UseKind{UseAuthorize, UsePaymentIntent} {
		c := PlanStep("auth", -1, UseRequest{Kind: kind, Amount: 2000, Currency: "usd"}, StepRequest{Kind: StepCapture, Amount: 1500})
		if got := attrsText(c); !strings.Contains(got, "1500  (15.00 usd of 20.00 usd; the other 5.00 usd is released)") {
			t.Errorf("%s capture plan:\n%s", kind, got)
		}
	}
}
