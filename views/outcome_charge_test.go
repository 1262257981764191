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
