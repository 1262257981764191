package emulator

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
)

// authorize is a charge of amount on tok_visa with capture=false.
func authorize(t *testing.T, sc *stripe.Client, source string, amount int64) *stripe.Charge {
	t.Helper()
	p := chargeWith(source)
	p.Amount, p.Capture = stripe.Int64(amount), stripe.Bool(false)
	ch, err := sc.V1Charges.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

// TestAuthorizeThenCapture: capture=false makes an authorization (paid,
// not captured, no balance transaction, capture_before 7 days on); a
// partial capture a day later takes what it names, with the balance
// transaction of a charge dated then, and releases the rest (no refund:
// amount_refunded stays 0); a second
// capture is refused as Stripe refuses it.
func TestAuthorizeThenCapture(t *testing.T) {
	sc, advance := moneyServer(t)
	ch := authorize(t, sc, "tok_visa", 1000)
	card := ch.PaymentMethodDetails.Card
	if ch.Status != stripe.ChargeStatusSucceeded || !ch.Paid || ch.Captured || ch.AmountCaptured != 0 ||
		ch.BalanceTransaction != nil || ch.AmountRefunded != 0 || ch.Outcome.Type != "authorized" ||
		card.AmountAuthorized != 1000 || card.CaptureBefore != fixedNow.AddDate(0, 0, 7).Unix() {
		t.Fatalf("authorization: %+v card %+v", ch, card)
	}
	got, err := sc.V1Charges.Retrieve(ctx, ch.ID, nil)
	if err != nil || got.Captured || got.BalanceTransaction != nil {
		t.Fatalf("GET of the authorization: %v %+v", err, got)
	}

	advance(24 * time.Hour)
	p := &stripe.ChargeCaptureParams{Amount: stripe.Int64(600), ReceiptEmail: stripe.String("jenny@example.com")}
	p.AddExpand("balance_transaction")
	took, err := sc.V1Charges.Capture(ctx, ch.ID, p)
	if err != nil {
		t.Fatal(err)
	}
	if !took.Captured || took.AmountCaptured != 600 || took.AmountRefunded != 0 || took.Refunded || !took.Paid ||
		took.ReceiptEmail != "jenny@example.com" || took.PaymentMethodDetails.Card.CaptureBefore != card.CaptureBefore {
		t.Errorf("captured 600 of 1000: %+v", took)
	}
	bt := took.BalanceTransaction
	if bt == nil || bt.Amount != 600 || bt.Fee != 47 || bt.Net != 553 || bt.Type != "charge" ||
		bt.Created != fixedNow.Add(24*time.Hour).Unix() || bt.Source.ID != ch.ID {
		t.Errorf("the capture's balance transaction (expanded): %+v", bt)
	}

	_, err = sc.V1Charges.Capture(ctx, ch.ID, nil)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "charge_already_captured"); se.Msg != "Charge "+ch.ID+" has already been captured." {
		t.Errorf("message %q", se.Msg)
	}
	// A charge captured when made is as captured.
	done, _ := sc.V1Charges.Create(ctx, chargeWith("tok_visa"))
	_, err = sc.V1Charges.Capture(ctx, done.ID, nil)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "charge_already_captured")

	// The refund after it is bounded by what was captured.
	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Amount: stripe.Int64(601)})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "amount_too_large")

	for c, err := range sc.V1Charges.List(ctx, &stripe.ChargeListParams{}).All(ctx) {
		if err != nil || c.ID == ch.ID && (!c.Captured || c.AmountCaptured != 600) {
			t.Errorf("listed: %v %+v", err, c)
		}
	}
}

// TestCaptureRefusals: an amount above the authorization or below 1, an
// unknown charge, a PaymentIntent's charge, and capture=false on a bank
// debit are refused as Stripe refuses them; a refusal captures nothing.
func TestCaptureRefusals(t *testing.T) {
	sc, _ := moneyServer(t)
	ch := authorize(t, sc, "tok_visa", 1000)
	for amount, code := range map[int64]string{1001: "amount_too_large", 0: "parameter_invalid_integer"} {
		_, err := sc.V1Charges.Capture(ctx, ch.ID, &stripe.ChargeCaptureParams{Amount: stripe.Int64(amount)})
		se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, code)
		if se.Param != "amount" {
			t.Errorf("amount %d: param %q", amount, se.Param)
		}
	}
	_, err := sc.V1Charges.Capture(ctx, ch.ID, &stripe.ChargeCaptureParams{ApplicationFeeAmount: stripe.Int64(100)})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeNotModelled); se.Param != "application_fee_amount" {
		t.Errorf("application_fee_amount: %+v", se)
	}
	if got, _ := sc.V1Charges.Retrieve(ctx, ch.ID, nil); got.Captured {
		t.Error("a refused capture captured")
	}

	_, err = sc.V1Charges.Capture(ctx, "ch_nope", nil)
	if se := stripeErr(t, err, 404, stripe.ErrorTypeInvalidRequest, "resource_missing"); se.Msg != "No such charge: 'ch_nope'" {
		t.Errorf("message %q", se.Msg)
	}

	pi, err := confirmPI(sc, "pm_card_visa", func(p *stripe.PaymentIntentCreateParams) { p.CaptureMethod = stripe.String("manual") })
	if err != nil {
		t.Fatal(err)
	}
	_, err = sc.V1Charges.Capture(ctx, pi.LatestCharge.ID, nil)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeUnexpectedState); !strings.Contains(se.Msg, "/v1/payment_intents/"+pi.ID+"/capture") {
		t.Errorf("message %q", se.Msg)
	}

	cus, ba := bankCustomer(t, sc, "000123456789")
	if _, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}}); err != nil {
		t.Fatal(err)
	}
	_, err = sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"),
		Customer: stripe.String(cus), Capture: stripe.Bool(false)})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "capture" {
		t.Errorf("capture=false on a bank debit: %+v", se)
	}
}

// TestRefundReleasesAuthorization: a refund of an uncaptured charge
// releases all of it (a part is refused), moving no money; the charge
// reads refunded and can no longer be captured.
func TestRefundReleasesAuthorization(t *testing.T) {
	sc, _ := moneyServer(t)
	ch := authorize(t, sc, "tok_visa", 1000)
	_, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Amount: stripe.Int64(400)})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "amount" || !strings.HasPrefix(se.Msg, "You cannot partially refund an uncaptured charge.") {
		t.Errorf("partial refund of an authorization: %+v", se)
	}
	re, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Reason: stripe.String("requested_by_customer")})
	if err != nil || re.Amount != 1000 || re.Status != stripe.RefundStatusSucceeded || re.BalanceTransaction != nil || re.Reason != "requested_by_customer" {
		t.Fatalf("release: %v %+v", err, re)
	}
	got, err := sc.V1Charges.Retrieve(ctx, ch.ID, nil)
	if err != nil || !got.Refunded || got.AmountRefunded != 1000 || got.Captured || got.AmountCaptured != 0 || got.BalanceTransaction != nil {
		t.Fatalf("released charge: %v %+v", err, got)
	}
	_, err = sc.V1Charges.Capture(ctx, ch.ID, nil)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "charge_already_refunded"); se.Msg != "Charge "+ch.ID+" has already been refunded." {
		t.Errorf("message %q", se.Msg)
	}
	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "charge_already_refunded")
	for bt, err := range sc.V1BalanceTransactions.List(ctx, &stripe.BalanceTransactionListParams{}).All(ctx) {
		t.Errorf("a balance transaction for an authorization released: %v %+v", err, bt)
	}
}

// TestCaptureEvents: an authorization is charge.succeeded; its capture
// is charge.captured (not charge.updated, though it took a receipt_email),
// alone: the rest is released with no refund; a refund of an
// authorization is refund.created and charge.refunded.
func TestCaptureEvents(t *testing.T) {
	e, _ := New(Options{Now: clock})
	chargeTypes := func(since int) []string {
		all := listed(t, e, "/v1/events?limit=100")
		slices.Reverse(all)
		var out []string
		for _, ev := range all[since:] {
			out = append(out, ev.Type)
		}
		return out
	}
	var ch struct{ ID string }
	json.Unmarshal(post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa&capture=false", nil).Body.Bytes(), &ch)
	if got := chargeTypes(0); !slices.Equal(got, []string{"charge.succeeded"}) {
		t.Errorf("authorization's events %v", got)
	}
	post(t, e, "/v1/charges/"+ch.ID+"/capture", "amount=600&receipt_email=jenny@example.com", nil)
	if got, want := chargeTypes(1), []string{"charge.captured"}; !slices.Equal(got, want) {
		t.Errorf("capture's events %v, want %v", got, want)
	}
	captured := listed(t, e, "/v1/events?type=charge.captured")[0]
	prev := captured.Data.PreviousAttributes
	if string(prev["captured"]) != "false" || string(prev["amount_captured"]) != "0" || string(prev["balance_transaction"]) != "null" {
		t.Errorf("charge.captured's previous_attributes %v", prev)
	}

	json.Unmarshal(post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa&capture=false", nil).Body.Bytes(), &ch)
	post(t, e, "/v1/refunds", "charge="+ch.ID, nil)
	if got, want := chargeTypes(3), []string{"refund.created", "charge.refunded"}; !slices.Equal(got, want) {
		t.Errorf("release's events %v, want %v", got, want)
	}
}

// TestDisputeWaitsForCapture: a dispute test card authorized with
// capture=false opens its dispute when captured, of what was captured:
// no money had moved before.
func TestDisputeWaitsForCapture(t *testing.T) {
	sc, _ := moneyServer(t)
	ch := authorize(t, sc, "tok_createDispute", 1000)
	if ch.Disputed {
		t.Fatal("an authorization disputed")
	}
	took, err := sc.V1Charges.Capture(ctx, ch.ID, &stripe.ChargeCaptureParams{Amount: stripe.Int64(700)})
	if err != nil || !took.Disputed {
		t.Fatalf("captured: %v %+v", err, took)
	}
	for du, err := range sc.V1Disputes.List(ctx, &stripe.DisputeListParams{Charge: stripe.String(ch.ID)}).All(ctx) {
		if err != nil || du.Amount != 700 {
			t.Errorf("dispute %v %+v", err, du)
		}
	}
}

// TestChargeCaptureConformance: authorize and capture through stripe-go
// on the emulator and on stripe-mock, which takes only requests that
// match Stripe's spec.
func TestChargeCaptureConformance(t *testing.T) {
	onBothBackends(t, func(t *testing.T, c *stripe.Client, offline bool, must func(string, error)) {
		p := chargeWith("tok_visa")
		p.Capture = stripe.Bool(false)
		ch, err := c.V1Charges.Create(ctx, p)
		must("authorize", err)
		cp := &stripe.ChargeCaptureParams{Amount: stripe.Int64(500), StatementDescriptorSuffix: stripe.String("ORDER 42")}
		cp.AddExpand("balance_transaction")
		got, err := c.V1Charges.Capture(ctx, ch.ID, cp)
		must("capture", err)
		if offline && (!got.Captured || got.AmountCaptured != 500 || got.CalculatedStatementDescriptor != "TOKENSCOPE* ORDER 42" ||
			got.BalanceTransaction == nil || got.BalanceTransaction.Amount != 500) {
			t.Errorf("captured: %+v", got)
		}
	})
}
