package views

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A PaymentIntent that succeeded names its charge.
func TestOutcomeNamesThePaymentIntentsCharge(t *testing.T) {
	o := Outcome{Req: model.UseRequest{Kind: model.UsePaymentIntent},
		Use: model.Use{Kind: model.UsePaymentIntent, ObjectID: "pi_1", Status: model.PISucceeded, Charge: "ch_1", Amount: 1000, Currency: "usd"}}
	var found bool
	for _, f := range o.Fields() {
		found = found || f.Label == "charge" && strings.Contains(f.Value, "ch_1")
	}
	if !found {
		t.Errorf("fields %+v name no charge", o.Fields())
	}
}

// A charge's amount is written as every other amount: "30.00 usd", in the
// CLI's line and in the use's outcome (the report's Uses).
func TestChargeAmountInMajorUnits(t *testing.T) {
	u := model.Use{Kind: model.UseCharge, ObjectID: "ch_1", Status: "succeeded", Amount: 3000, Currency: "usd"}
	var b strings.Builder
	if err := (Outcome{Req: model.UseRequest{Kind: model.UseCharge, TokenID: "tok_1"}, Use: u}).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "ch_1 30.00 usd (succeeded)") {
		t.Errorf("charge line %q", b.String())
	}
	if got := UseOutcome(u); got != "charge succeeded 30.00 usd" {
		t.Errorf("UseOutcome %q", got)
	}
}
