package emulator

import (
	"slices"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// TestCancelReleasesAuthorization: canceling a PaymentIntent in
// requires_capture refunds what it had authorized (Stripe: "the remaining
// amount_capturable is automatically refunded"): its charge reads
// refunded, with a refund of its amount, and the events say so.
func TestCancelReleasesAuthorization(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	manual := func(p *stripe.PaymentIntentCreateParams) { p.CaptureMethod = stripe.String("manual") }
	held, err := confirmPI(c, "pm_card_visa", manual)
	if err != nil || held.Status != stripe.PaymentIntentStatusRequiresCapture {
		t.Fatalf("%+v %v", held, err)
	}
	// Held money is not refunded: the PaymentIntent is canceled. A
	// refund used to succeed and leave it capturable, then captured and
	// refunded at once.
	for _, p := range []*stripe.RefundCreateParams{{PaymentIntent: stripe.String(held.ID)}, {Charge: stripe.String(held.LatestCharge.ID)}} {
		_, err = c.V1Refunds.Create(ctx, p)
		stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "payment_intent_unexpected_state")
	}
	_, seen := newEventTypes(t, c, "")
	canceled, err := c.V1PaymentIntents.Cancel(ctx, held.ID, nil)
	if err != nil || canceled.Status != stripe.PaymentIntentStatusCanceled || canceled.AmountCapturable != 0 {
		t.Fatalf("cancel %+v %v", canceled, err)
	}
	p := &stripe.ChargeRetrieveParams{}
	p.AddExpand("refunds")
	ch, err := c.V1Charges.Retrieve(ctx, held.LatestCharge.ID, p)
	if err != nil || !ch.Refunded || ch.AmountRefunded != 2000 || ch.Captured || ch.AmountCaptured != 0 {
		t.Fatalf("released charge: %v refunded %v amount_refunded %d captured %v", err, ch.Refunded, ch.AmountRefunded, ch.Captured)
	}
	if ch.Refunds == nil || len(ch.Refunds.Data) != 1 {
		t.Fatalf("refunds: %+v", ch.Refunds)
	}
	re := ch.Refunds.Data[0]
	if re.Amount != 2000 || re.Status != "succeeded" || re.PaymentIntent == nil || re.PaymentIntent.ID != held.ID || re.BalanceTransaction != nil {
		t.Errorf("release refund: %+v", re)
	}
	evs, _ := newEventTypes(t, c, seen)
	for _, want := range []string{"refund.created", "charge.refunded", "payment_intent.canceled"} {
		if !slices.Contains(evs, want) {
			t.Errorf("events %v lack %s", evs, want)
		}
	}
	// What was released cannot be refunded again.
	_, err = c.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "charge_already_refunded")
}

// TestCancelBeforeConfirmReleasesNothing: a PaymentIntent canceled before
// it had a charge makes no refund.
func TestCancelBeforeConfirmReleasesNothing(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	pi, err := c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(500), Currency: stripe.String("usd")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.V1PaymentIntents.Cancel(ctx, pi.ID, nil); err != nil {
		t.Fatal(err)
	}
	for re, err := range c.V1Refunds.List(ctx, &stripe.RefundListParams{}).All(ctx) {
		t.Errorf("refund %v %v", re, err)
	}
}
