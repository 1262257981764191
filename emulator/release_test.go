package emulator

import (
	"slices"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// TestCancelReleasesAuthorization: canceling a PaymentIntent in
// requires_capture releases what it had authorized with no refund (Stripe
// since 2025-03-31.basil: "Partially capturing or canceling payments no
// longer creates a Refund"): its charge stays uncaptured, amount_refunded
// 0 and refunded false, and the only event is payment_intent.canceled.
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
	// Released, the refusal says so rather than "cancel the
	// PaymentIntent" again (regress2#4).
	refundRefused := func(when, want string) {
		t.Helper()
		for _, p := range []*stripe.RefundCreateParams{{PaymentIntent: stripe.String(held.ID)}, {Charge: stripe.String(held.LatestCharge.ID)}} {
			_, err = c.V1Refunds.Create(ctx, p)
			se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "payment_intent_unexpected_state")
			if se.Msg != want {
				t.Errorf("%s: message %q, want %q", when, se.Msg, want)
			}
		}
	}
	refundRefused("held", "This uncaptured Charge was created by a PaymentIntent ("+held.ID+
		"). You must cancel the PaymentIntent to reverse the authorization instead of refunding the Charge directly.")
	_, seen := newEventTypes(t, c, "")
	canceled, err := c.V1PaymentIntents.Cancel(ctx, held.ID, nil)
	if err != nil || canceled.Status != stripe.PaymentIntentStatusCanceled || canceled.AmountCapturable != 0 || canceled.AmountReceived != 0 {
		t.Fatalf("cancel %+v %v", canceled, err)
	}
	p := &stripe.ChargeRetrieveParams{}
	p.AddExpand("refunds")
	ch, err := c.V1Charges.Retrieve(ctx, held.LatestCharge.ID, p)
	if err != nil || ch.Refunded || ch.AmountRefunded != 0 || ch.Captured || ch.AmountCaptured != 0 ||
		ch.Status != stripe.ChargeStatusSucceeded || ch.BalanceTransaction != nil {
		t.Fatalf("released charge: %v refunded %v amount_refunded %d captured %v", err, ch.Refunded, ch.AmountRefunded, ch.Captured)
	}
	if ch.Refunds == nil || len(ch.Refunds.Data) != 0 {
		t.Fatalf("refunds: %+v", ch.Refunds)
	}
	for re, err := range c.V1Refunds.List(ctx, &stripe.RefundListParams{PaymentIntent: stripe.String(held.ID)}).All(ctx) {
		t.Errorf("a refund after the cancel: %v %+v", err, re)
	}
	if evs, _ := newEventTypes(t, c, seen); !slices.Equal(evs, []string{"payment_intent.canceled"}) {
		t.Errorf("events %v, want payment_intent.canceled alone", evs)
	}
	// What was released cannot be refunded or captured.
	refundRefused("released", "Charge "+held.LatestCharge.ID+" was not captured and its PaymentIntent "+held.ID+
		" was canceled: its authorization was released, so there is nothing to refund.")
	_, err = c.V1PaymentIntents.Capture(ctx, held.ID, nil)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "payment_intent_unexpected_state")
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
