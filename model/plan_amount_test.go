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
