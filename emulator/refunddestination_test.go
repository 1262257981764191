package emulator

import (
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// A card refund says where the money goes (a refund to the card, or the
// reversal of an authorization); a dispute names its card network, case
// type and the network's reason code. The server checks both shapes
// against Stripe's spec.
func TestRefundDestinationAndDisputeCard(t *testing.T) {
	sc, _ := moneyServer(t)
	ch, err := sc.V1Charges.Create(ctx, chargeWith("tok_visa"))
	if err != nil {
		t.Fatal(err)
	}
	re, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
	if err != nil || re.DestinationDetails == nil || re.DestinationDetails.Type != "card" ||
		re.DestinationDetails.Card.Type != "refund" || re.DestinationDetails.Card.ReferenceStatus != "pending" {
		t.Fatalf("refund: %+v %v", re.DestinationDetails, err)
	}
	auth := authorize(t, sc, "tok_visa", 1000)
	rel, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(auth.ID)})
	if err != nil || rel.DestinationDetails == nil || rel.DestinationDetails.Card.Type != "reversal" {
		t.Errorf("release: %+v %v", rel.DestinationDetails, err)
	}

	for tok, want := range map[string]stripe.DisputePaymentMethodDetailsCard{
		"tok_createDispute":        {Brand: "visa", CaseType: "chargeback", NetworkReasonCode: "10.4"},
		"tok_createDisputeInquiry": {Brand: "visa", CaseType: "inquiry"},
	} {
		dch, err := sc.V1Charges.Create(ctx, chargeWith(tok))
		if err != nil {
			t.Fatal(err)
		}
		var du *stripe.Dispute
		for d, err := range sc.V1Disputes.List(ctx, &stripe.DisputeListParams{Charge: stripe.String(dch.ID)}).All(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			du = d
		}
		if du == nil || du.PaymentMethodDetails == nil || du.PaymentMethodDetails.Card == nil {
			t.Fatalf("%s: %+v", tok, du)
		}
		if got := *du.PaymentMethodDetails.Card; got != want || du.PaymentMethodDetails.Type != "card" {
			t.Errorf("%s: %+v, want %+v", tok, got, want)
		}
	}
}
