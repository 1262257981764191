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
// too). Since 2025-03-31.basil no refund releases it: the charge keeps
// amount_refunded 0 and refunded false, its event is charge.expired
// alone; the PaymentIntent is canceled, cancellation_reason expired; all
// dated at capture_before. A capture then fails on the canceled
// PaymentIntent.
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

			want := []string{fmt.Sprintf("payment_intent.canceled %d 2000", week), fmt.Sprintf("charge.expired %d 2000", week)}
			if got := eventsSince(t, sc, fixedNow.Unix()+1); !slices.Equal(got, want) {
				t.Errorf("events %v, want %v", got, want)
			}
			got, _ := sc.V1PaymentIntents.Retrieve(ctx, pi.ID, nil)
			if got.Status != stripe.PaymentIntentStatusCanceled || got.CancellationReason != "expired" ||
				got.CanceledAt != fixedNow.Unix()+week || got.AmountCapturable != 0 {
				t.Errorf("payment intent %s %s canceled_at %d capturable %d", got.Status, got.CancellationReason, got.CanceledAt-fixedNow.Unix(), got.AmountCapturable)
			}
			ch, _ := sc.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
			if ch.Captured || ch.Refunded || ch.AmountRefunded != 0 || ch.AmountCaptured != 0 || ch.Status != stripe.ChargeStatusSucceeded ||
				ch.PaymentMethodDetails.Card.CaptureBefore != fixedNow.Unix()+week {
				t.Errorf("charge captured %v refunded %v %d %s", ch.Captured, ch.Refunded, ch.AmountRefunded, ch.Status)
			}
			for re, err := range sc.V1Refunds.List(ctx, &stripe.RefundListParams{}).All(ctx) {
				t.Errorf("a refund after the expiry: %v %+v", err, re)
			}
			_, err := sc.V1PaymentIntents.Capture(ctx, pi.ID, nil)
			if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "payment_intent_unexpected_state"); !strings.Contains(se.Msg, "status of canceled") {
				t.Errorf("capture: %s", se.Msg)
			}
			// Nothing is left to refund, and the refusal says why.
			_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{PaymentIntent: stripe.String(pi.ID)})
			if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "payment_intent_unexpected_state"); se.Msg != "Charge "+
				pi.LatestCharge.ID+" was not captured and its PaymentIntent "+pi.ID+
				" was canceled as its authorization expired: its authorization was released, so there is nothing to refund." {
				t.Errorf("refund: %s", se.Msg)
			}
			if n := len(eventsSince(t, sc, fixedNow.Unix()+1)); n != 2 {
				t.Errorf("%d events after the reads, want the 2 of the expiry", n)
			}
		})
	}
}

// A charge authorized with capture=false expires too: charge.expired, no
// refund; a capture past capture_before is Stripe's
// charge_expired_for_capture and a refund is refused. What was let go
// before never expires: a PaymentIntent canceled (payment_intent.canceled
// alone, no refund), a charge of the Charges API released by a refund
// (charge.refunded), a PaymentIntent captured in part.
func TestAuthorizationExpiresOnCharges(t *testing.T) {
	_, sc, advance := fakeClockServer(t, nil)
	authorize := func() *stripe.Charge {
		t.Helper()
		p := chargeWith("tok_visa")
		p.Capture = stripe.Bool(false)
		ch, err := sc.V1Charges.Create(ctx, p)
		if err != nil || ch.Captured {
			t.Fatalf("%+v %v", ch, err)
		}
		return ch
	}
	ch, refunded := authorize(), authorize()
	if _, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(refunded.ID)}); err != nil {
		t.Fatal(err)
	}
	canceled := holdFor(t, sc)
	if _, err := sc.V1PaymentIntents.Cancel(ctx, canceled.ID, nil); err != nil {
		t.Fatal(err)
	}
	partial := holdFor(t, sc)
	if _, err := sc.V1PaymentIntents.Capture(ctx, partial.ID, &stripe.PaymentIntentCaptureParams{AmountToCapture: stripe.Int64(500)}); err != nil {
		t.Fatal(err)
	}
	advance(8 * 24 * time.Hour)
	_, err := sc.V1Charges.Capture(ctx, ch.ID, nil)
	stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "charge_expired_for_capture")
	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
	if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, ""); !strings.Contains(se.Msg, "expired") {
		t.Errorf("refund of an expired charge: %s", se.Msg)
	}
	if got, _ := sc.V1Charges.Retrieve(ctx, ch.ID, nil); got.Refunded || got.AmountRefunded != 0 || got.Captured {
		t.Errorf("expired charge: refunded %v %d captured %v", got.Refunded, got.AmountRefunded, got.Captured)
	}
	if got, _ := sc.V1PaymentIntents.Retrieve(ctx, canceled.ID, nil); got.CancellationReason != "" {
		t.Errorf("canceled by hand, cancellation_reason %q", got.CancellationReason)
	}
	if got, _ := sc.V1Charges.Retrieve(ctx, partial.LatestCharge.ID, nil); !got.Captured || got.AmountCaptured != 500 {
		t.Errorf("captured in part: captured %v %d", got.Captured, got.AmountCaptured)
	}
	var refunds []string
	for re, err := range sc.V1Refunds.List(ctx, &stripe.RefundListParams{}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		refunds = append(refunds, re.Charge.ID)
	}
	if !slices.Equal(refunds, []string{refunded.ID}) {
		t.Errorf("refunds of %v, want the release of %s alone", refunds, refunded.ID)
	}
	var expired []string
	count := map[string]int{}
	for ev, err := range sc.V1Events.List(ctx, &stripe.EventListParams{}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		count[string(ev.Type)]++
		if ev.Type == "charge.expired" {
			expired = append(expired, ev.Data.Object["id"].(string))
		}
	}
	if !slices.Equal(expired, []string{ch.ID}) || count["charge.refunded"] != 1 || count["payment_intent.canceled"] != 1 {
		t.Errorf("charge.expired of %v, want %s alone; events %v: want one charge.refunded (the release) and one payment_intent.canceled (the cancel)",
			expired, ch.ID, count)
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
	if got.Status != stripe.PaymentIntentStatusCanceled || got.CancellationReason != "expired" {
		t.Errorf("%s %s", got.Status, got.CancellationReason)
	}
}

// A PaymentIntent canceled before basil, in an older state dir, released
// its charge by a refund and did not mark it released: it does not expire
// either.
func TestAuthorizationReleasedBeforeBasil(t *testing.T) {
	e, sc, advance := fakeClockServer(t, nil)
	pi := holdFor(t, sc)
	if _, err := sc.V1PaymentIntents.Cancel(ctx, pi.ID, nil); err != nil {
		t.Fatal(err)
	}
	err := e.store.Update(ctx, func(tx Tx) error {
		o := &objects{r: tx, tx: tx, key: e.key}
		ch, _ := o.charge(pi.LatestCharge.ID)
		ch.Released = false
		ch.Money.AmountRefunded = ch.Amount // its refund, not kept here
		o.putCharge(ch)
		return o.err
	})
	if err != nil {
		t.Fatal(err)
	}
	advance(8 * 24 * time.Hour)
	if _, err := sc.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil); err != nil {
		t.Fatal(err)
	}
	for _, ev := range eventsSince(t, sc, fixedNow.Unix()+1) {
		t.Errorf("event %s after a release of before basil", ev)
	}
}
