package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
)

// holdFor is a manual-capture PaymentIntent of 2000 confirmed with
// pm_card_visa, in requires_capture.
func holdFor(t *testing.T, sc *stripe.Client) *stripe.PaymentIntent {
	t.Helper()
	pi, err := confirmPI(sc, "pm_card_visa", func(p *stripe.PaymentIntentCreateParams) { p.CaptureMethod = stripe.String("manual") })
	if err != nil || pi.Status != stripe.PaymentIntentStatusRequiresCapture {
		t.Fatalf("%+v %v", pi, err)
	}
	return pi
}

// A PaymentIntent's authorization not captured in 7 days expires, as
// Stripe's do, whichever reads it first past capture_before (a list
// too): the charge is refunded in full by a refund with reason
// expired_uncaptured_charge, its event charge.expired (not
// charge.refunded); the PaymentIntent is canceled, cancellation_reason
// automatic; all dated at capture_before.
// A capture then fails on the canceled PaymentIntent.
func TestAuthorizationExpires(t *testing.T) {
	week := int64(authorizationDays * 24 * 60 * 60)
	for name, read := range map[string]func(e *Emulator, sc *stripe.Client, pi *stripe.PaymentIntent){
		"payment intent": func(_ *Emulator, sc *stripe.Client, pi *stripe.PaymentIntent) {
			if _, err := sc.V1PaymentIntents.Retrieve(ctx, pi.ID, nil); err != nil {
				t.Fatal(err)
			}
		},
		"charge": func(_ *Emulator, sc *stripe.Client, pi *stripe.PaymentIntent) {
			if _, err := sc.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil); err != nil {
				t.Fatal(err)
			}
		},
		"payment intent list": func(_ *Emulator, sc *stripe.Client, _ *stripe.PaymentIntent) {
			for _, err := range sc.V1PaymentIntents.List(ctx, &stripe.PaymentIntentListParams{}).All(ctx) {
				if err != nil {
					t.Fatal(err)
				}
			}
		},
		"events": func(*Emulator, *stripe.Client, *stripe.PaymentIntent) {},
		"settler": func(e *Emulator, _ *stripe.Client, _ *stripe.PaymentIntent) {
			if _, err := e.SettleDue(ctx); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			e, sc, advance := fakeClockServer(t, nil)
			pi := holdFor(t, sc)
			advance(time.Duration(week-1) * time.Second)
			if got, _ := sc.V1PaymentIntents.Retrieve(ctx, pi.ID, nil); got.Status != stripe.PaymentIntentStatusRequiresCapture {
				t.Fatalf("a second before capture_before: %s", got.Status)
			}
			advance(time.Hour)
			read(e, sc, pi)

			want := []string{fmt.Sprintf("payment_intent.canceled %d 2000", week), fmt.Sprintf("charge.expired %d 2000", week), fmt.Sprintf("refund.created %d 2000", week)}
			if got := eventsSince(t, sc, fixedNow.Unix()+1); !slices.Equal(got, want) {
				t.Errorf("events %v, want %v", got, want)
			}
			got, _ := sc.V1PaymentIntents.Retrieve(ctx, pi.ID, nil)
			if got.Status != stripe.PaymentIntentStatusCanceled || got.CancellationReason != "automatic" ||
				got.CanceledAt != fixedNow.Unix()+week || got.AmountCapturable != 0 {
				t.Errorf("payment intent %s %s canceled_at %d capturable %d", got.Status, got.CancellationReason, got.CanceledAt-fixedNow.Unix(), got.AmountCapturable)
			}
			ch, _ := sc.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
			if ch.Captured || !ch.Refunded || ch.AmountRefunded != 2000 || ch.Status != stripe.ChargeStatusSucceeded ||
				ch.PaymentMethodDetails.Card.CaptureBefore != fixedNow.Unix()+week {
				t.Errorf("charge captured %v refunded %v %d %s", ch.Captured, ch.Refunded, ch.AmountRefunded, ch.Status)
			}
			var refunds []*stripe.Refund
			for re, err := range sc.V1Refunds.List(ctx, &stripe.RefundListParams{Charge: stripe.String(ch.ID)}).All(ctx) {
				if err != nil {
					t.Fatal(err)
				}
				refunds = append(refunds, re)
			}
			if len(refunds) != 1 || refunds[0].Reason != "expired_uncaptured_charge" || refunds[0].Amount != 2000 ||
				refunds[0].Status != stripe.RefundStatusSucceeded || refunds[0].Created != fixedNow.Unix()+week || refunds[0].BalanceTransaction != nil {
				t.Errorf("refunds %+v", refunds)
			}
			_, err := sc.V1PaymentIntents.Capture(ctx, pi.ID, nil)
			if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "payment_intent_unexpected_state"); !strings.Contains(se.Msg, "status of canceled") {
				t.Errorf("capture: %s", se.Msg)
			}
			if n := len(eventsSince(t, sc, fixedNow.Unix()+1)); n != 3 {
				t.Errorf("%d events after the reads, want the 3 of the expiry", n)
			}
		})
	}
}

// A charge authorized with capture=false expires too: a capture past
// capture_before is Stripe's charge_expired_for_capture. A PaymentIntent
// canceled before it expires is released as before: charge.refunded, no
// charge.expired, and nothing expires later.
func TestAuthorizationExpiresOnCharges(t *testing.T) {
	_, sc, advance := fakeClockServer(t, nil)
	p := chargeWith("tok_visa")
	p.Capture = stripe.Bool(false)
	ch, err := sc.V1Charges.Create(ctx, p)
	if err != nil || ch.Captured {
		t.Fatalf("%+v %v", ch, err)
	}
	canceled := holdFor(t, sc)
	if _, err := sc.V1PaymentIntents.Cancel(ctx, canceled.ID, nil); err != nil {
		t.Fatal(err)
	}
	advance(8 * 24 * time.Hour)
	_, err = sc.V1Charges.Capture(ctx, ch.ID, nil)
	stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "charge_expired_for_capture")
	if got, _ := sc.V1Charges.Retrieve(ctx, ch.ID, nil); !got.Refunded || got.Captured {
		t.Errorf("expired charge: refunded %v captured %v", got.Refunded, got.Captured)
	}
	var types []string
	for _, ev := range eventsSince(t, sc, fixedNow.Unix()) {
		types = append(types, strings.Fields(ev)[0])
	}
	if slices.Index(types, "charge.expired") < 0 || slices.Index(types, "charge.refunded") < 0 ||
		len(slices.DeleteFunc(slices.Clone(types), func(s string) bool { return s != "charge.expired" })) != 1 ||
		len(slices.DeleteFunc(slices.Clone(types), func(s string) bool { return s != "payment_intent.canceled" })) != 1 {
		t.Errorf("events %v: want one charge.expired (the charge), one charge.refunded and one payment_intent.canceled (the cancel)", types)
	}
}

// A PaymentIntent kept before PaymentIntents kept capture_before is
// canceled with its charge all the same.
func TestAuthorizationExpiresOldPaymentIntent(t *testing.T) {
	e, sc, advance := fakeClockServer(t, nil)
	pi := holdFor(t, sc)
	err := e.store.Update(ctx, func(tx Tx) error {
		o := &objects{r: tx, tx: tx, key: e.key}
		rec, _ := o.paymentIntent(pi.ID)
		rec.CaptureBefore = 0
		o.putPaymentIntent(rec)
		return o.err
	})
	if err != nil {
		t.Fatal(err)
	}
	advance(8 * 24 * time.Hour)
	if _, err := sc.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := sc.V1PaymentIntents.Retrieve(ctx, pi.ID, nil)
	if got.Status != stripe.PaymentIntentStatusCanceled || got.CancellationReason != "automatic" {
		t.Errorf("%s %s", got.Status, got.CancellationReason)
	}
}
