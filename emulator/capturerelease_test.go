package emulator

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// A partial capture takes what it names and makes no refund (Stripe since
// 2025-03-31.basil): amount_refunded stays 0, no refund is listed, and
// refunds are bounded by what was captured. Each refund of captured money
// has a balance transaction that can be read.
func TestPartialCaptureBoundsRefunds(t *testing.T) {
	sc, _ := moneyServer(t)
	pi, err := sc.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{
		Amount: stripe.Int64(1000), Currency: stripe.String("usd"), PaymentMethod: stripe.String("pm_card_visa"),
		Confirm: stripe.Bool(true), CaptureMethod: stripe.String("manual"), PaymentMethodTypes: []*string{stripe.String("card")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sc.V1PaymentIntents.Capture(ctx, pi.ID, &stripe.PaymentIntentCaptureParams{AmountToCapture: stripe.Int64(600)}); err != nil {
		t.Fatal(err)
	}
	ch, err := sc.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
	if err != nil || ch.Amount != 1000 || ch.AmountCaptured != 600 || ch.AmountRefunded != 0 || ch.Refunded || !ch.Captured {
		t.Fatalf("after capturing 600 of 1000: %v %+v", err, ch)
	}
	for re, err := range sc.V1Refunds.List(ctx, &stripe.RefundListParams{Charge: stripe.String(ch.ID)}).All(ctx) {
		t.Errorf("a refund after a partial capture: %v %+v", err, re)
	}
	captureTx, err := sc.V1BalanceTransactions.Retrieve(ctx, ch.BalanceTransaction.ID, nil)
	if err != nil || captureTx.Amount != 600 {
		t.Errorf("the capture's balance transaction: %v %+v", err, captureTx)
	}
	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Amount: stripe.Int64(700)})
	se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "amount_too_large")
	if se.Msg != "Refund amount ($7.00) is greater than unrefunded amount on charge ($6.00)" {
		t.Errorf("message %q", se.Msg)
	}
	re, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{PaymentIntent: stripe.String(pi.ID)})
	if err != nil || re.Amount != 600 {
		t.Fatalf("refund of the rest: %v %+v", err, re)
	}
	ch, _ = sc.V1Charges.Retrieve(ctx, ch.ID, nil)
	if ch.AmountRefunded != 600 || !ch.Refunded {
		t.Errorf("after refunding what was captured: %d %v", ch.AmountRefunded, ch.Refunded)
	}
	bt, err := sc.V1BalanceTransactions.Retrieve(ctx, re.BalanceTransaction.ID, nil)
	if err != nil || bt.Amount != -600 || bt.Fee != 0 || bt.Net != -600 || bt.Type != "refund" || bt.Source.ID != re.ID {
		t.Errorf("the refund's balance transaction: %v %+v", err, bt)
	}
}

// An ACH debit's balance transaction holds its amount, at ACH pricing
// (0.8%, at most 5.00), from when it is made.
func TestBankDebitBalanceTransaction(t *testing.T) {
	sc, _ := moneyServer(t)
	cus, ba := bankCustomer(t, sc, "000123456789")
	if _, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}}); err != nil {
		t.Fatal(err)
	}
	for amount, fee := range map[int64]int64{1500: 12, 100000: 500} {
		ch, err := sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(amount), Currency: stripe.String("usd"), Customer: stripe.String(cus)})
		if err != nil {
			t.Fatal(err)
		}
		bt, err := sc.V1BalanceTransactions.Retrieve(ctx, ch.BalanceTransaction.ID, nil)
		if err != nil || bt.Amount != amount || bt.Fee != fee || bt.Net != amount-fee {
			t.Errorf("debit of %d: %v %+v", amount, err, bt)
		}
	}
}

// A partial capture is charge.captured alone: no refund.created, no
// charge.refunded (Stripe since 2025-03-31.basil).
func TestPartialCaptureEvents(t *testing.T) {
	e, _ := New(Options{Now: clock})
	rec := post(t, e, "/v1/payment_intents", "amount=1000&currency=usd&payment_method=pm_card_visa&confirm=true&capture_method=manual&payment_method_types[]=card", nil)
	var pi struct{ ID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &pi); err != nil {
		t.Fatal(err)
	}
	post(t, e, "/v1/payment_intents/"+pi.ID+"/capture", "amount_to_capture=600", nil)
	all := listed(t, e, "/v1/events")
	slices.Reverse(all)
	var got []string
	for _, ev := range all {
		if strings.HasPrefix(ev.Type, "charge.") || strings.HasPrefix(ev.Type, "refund.") {
			got = append(got, ev.Type)
		}
	}
	want := []string{"charge.succeeded", "charge.captured"}
	if !slices.Equal(got, want) {
		t.Errorf("events oldest first %v, want %v", got, want)
	}
}
