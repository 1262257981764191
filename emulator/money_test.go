package emulator

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// moneyServer serves a fresh in-memory emulator whose clock the test moves
// (advance), checking every answer against Stripe's spec.
func moneyServer(t *testing.T) (*stripe.Client, func(time.Duration)) {
	t.Helper()
	var offset atomic.Int64
	e, err := New(Options{Now: func() time.Time { return fixedNow.Add(time.Duration(offset.Load())) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(specChecked(t, e))
	t.Cleanup(srv.Close)
	return newClient(srv.URL, testKey), func(d time.Duration) { offset.Add(int64(d)) }
}

// chargeTestCard charges amount on a new token of the catalog card number.
func chargeTestCard(t *testing.T, sc *stripe.Client, number string, amount int64) *stripe.Charge {
	t.Helper()
	tok, err := sc.V1Tokens.Create(ctx, cardParams(t, number))
	if err != nil {
		t.Fatal(err)
	}
	p := chargeWith(tok.ID)
	p.Amount = stripe.Int64(amount)
	ch, err := sc.V1Charges.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func TestRefundsFullAndPartial(t *testing.T) {
	sc, _ := moneyServer(t)
	ch := chargeTestCard(t, sc, "4242424242424242", 1000)

	re, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Amount: stripe.Int64(300)})
	if err != nil {
		t.Fatal(err)
	}
	if re.Amount != 300 || re.Status != "succeeded" || re.Charge.ID != ch.ID {
		t.Errorf("refund = %d %s %v", re.Amount, re.Status, re.Charge)
	}
	got, _ := sc.V1Charges.Retrieve(ctx, ch.ID, nil)
	if got.AmountRefunded != 300 || got.Refunded {
		t.Errorf("after a partial refund: amount_refunded %d refunded %v", got.AmountRefunded, got.Refunded)
	}

	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Amount: stripe.Int64(800)})
	se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "amount_too_large")
	if se.Msg != "Refund amount ($8.00) is greater than unrefunded amount on charge ($7.00)" || se.Param != "amount" {
		t.Errorf("too large: %q param %q", se.Msg, se.Param)
	}

	// The rest, without an amount.
	rest, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
	if err != nil || rest.Amount != 700 {
		t.Fatalf("refund of the rest: %v %+v", err, rest)
	}
	p := &stripe.ChargeRetrieveParams{}
	p.AddExpand("refunds")
	got, _ = sc.V1Charges.Retrieve(ctx, ch.ID, p)
	if got.AmountRefunded != 1000 || !got.Refunded || got.Refunds == nil || len(got.Refunds.Data) != 2 || got.Refunds.Data[0].ID != rest.ID {
		t.Errorf("after a full refund: %d %v %+v", got.AmountRefunded, got.Refunded, got.Refunds)
	}
	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "charge_already_refunded")

	fetched, err := sc.V1Refunds.Retrieve(ctx, re.ID, nil)
	if err != nil || fetched.Amount != 300 {
		t.Errorf("GET refund: %v %+v", err, fetched)
	}
	n := 0
	for r, err := range sc.V1Refunds.List(ctx, &stripe.RefundListParams{Charge: stripe.String(ch.ID)}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		_ = r
		n++
	}
	if n != 2 {
		t.Errorf("listed %d refunds of the charge, want 2", n)
	}
}

func TestRefundRefusals(t *testing.T) {
	sc, _ := moneyServer(t)
	ch := chargeTestCard(t, sc, "4242424242424242", 1000)
	_, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Amount: stripe.Int64(1001)})
	se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "amount_too_large")
	if se.Msg != "Refund amount ($10.01) is greater than charge amount ($10.00)" {
		t.Errorf("message %q", se.Msg)
	}
	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String("ch_nope")})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "resource_missing")
	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "parameter_missing")
	_, err = sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{PaymentIntent: stripe.String("pi_nope")})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "resource_missing")
}

func TestDisputeCardsOpenDisputes(t *testing.T) {
	sc, advance := moneyServer(t)
	for _, c := range []struct {
		number, reason, status, won, lost string
	}{
		{"4000000000000259", "fraudulent", "needs_response", "won", "lost"},
		{"4000000000002685", "product_not_received", "needs_response", "won", "lost"},
		{"4000000000001976", "general", "warning_needs_response", "warning_closed", "warning_closed"},
	} {
		ch := chargeTestCard(t, sc, c.number, 2000)
		if ch.Status != "succeeded" || !ch.Disputed {
			t.Fatalf("%s: charge %s disputed %v", c.number, ch.Status, ch.Disputed)
		}
		var du *stripe.Dispute
		for d, err := range sc.V1Disputes.List(ctx, &stripe.DisputeListParams{Charge: stripe.String(ch.ID)}).All(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			du = d
		}
		if du == nil || du.Reason != stripe.DisputeReason(c.reason) || string(du.Status) != c.status || du.Amount != 2000 {
			t.Fatalf("%s: dispute %+v", c.number, du)
		}
		if du.ID[:3] != "du_" {
			t.Errorf("dispute id %s", du.ID)
		}
		if !strings.HasPrefix(c.status, "warning_") { // an inquiry's charge is refunded (TestInquiryMovesNoMoney)
			_, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
			stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "charge_disputed")
		}

		review := map[bool]string{false: "under_review", true: "warning_under_review"}[strings.HasPrefix(c.status, "warning_")]
		answered, err := sc.V1Disputes.Update(ctx, du.ID, &stripe.DisputeUpdateParams{Evidence: &stripe.DisputeUpdateEvidenceParams{UncategorizedText: stripe.String(model.WinningEvidence)}})
		if err != nil || string(answered.Status) != review || answered.Evidence.UncategorizedText != model.WinningEvidence {
			t.Fatalf("%s: winning evidence: %v %+v", c.number, err, answered)
		}
		advance(disputeDecideDelay)
		won, err := sc.V1Disputes.Retrieve(ctx, du.ID, nil)
		if err != nil || string(won.Status) != c.won {
			t.Fatalf("%s: decided: %v %+v", c.number, err, won)
		}
		_, err = sc.V1Disputes.Close(ctx, du.ID, nil)
		stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")

		// Another charge on the same card, lost this time.
		ch2 := chargeTestCard(t, sc, c.number, 500)
		var du2 *stripe.Dispute
		for d := range sc.V1Disputes.List(ctx, &stripe.DisputeListParams{Charge: stripe.String(ch2.ID)}).All(ctx) {
			du2 = d
		}
		if _, err := sc.V1Disputes.Update(ctx, du2.ID, &stripe.DisputeUpdateParams{Evidence: &stripe.DisputeUpdateEvidenceParams{UncategorizedText: stripe.String(model.LosingEvidence)}}); err != nil {
			t.Fatalf("%s: losing evidence: %v", c.number, err)
		}
		advance(disputeDecideDelay)
		lost, err := sc.V1Disputes.Retrieve(ctx, du2.ID, nil)
		if err != nil || string(lost.Status) != c.lost {
			t.Fatalf("%s: losing evidence: %v %+v", c.number, err, lost)
		}
	}
	// A plain card opens none; close accepts the loss.
	if ch := chargeTestCard(t, sc, "4242424242424242", 1000); ch.Disputed {
		t.Error("4242 disputed")
	}
	ch := chargeTestCard(t, sc, "4000000000000259", 1000)
	var du *stripe.Dispute
	for d := range sc.V1Disputes.List(ctx, &stripe.DisputeListParams{Charge: stripe.String(ch.ID)}).All(ctx) {
		du = d
	}
	closed, err := sc.V1Disputes.Close(ctx, du.ID, nil)
	if err != nil || closed.Status != "lost" {
		t.Fatalf("close: %v %+v", err, closed)
	}
	if _, err := sc.V1Disputes.Retrieve(ctx, "du_nope", nil); err == nil {
		t.Error("GET du_nope succeeded")
	}
}

// bankCustomer is a customer made with a bank token of account number.
func bankCustomer(t *testing.T, sc *stripe.Client, account string) (cus, ba string) {
	t.Helper()
	tok, err := sc.V1Tokens.Create(ctx, bankParams(account))
	if err != nil {
		t.Fatal(err)
	}
	c, err := sc.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String(tok.ID)})
	if err != nil {
		t.Fatal(err)
	}
	return c.ID, c.DefaultSource.ID
}

func TestBankVerifyThenDebit(t *testing.T) {
	sc, advance := moneyServer(t)
	cus, ba := bankCustomer(t, sc, "000123456789")
	charge := &stripe.ChargeCreateParams{Amount: stripe.Int64(1500), Currency: stripe.String("usd"), Customer: stripe.String(cus)}

	_, err := sc.V1Charges.Create(ctx, charge)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "bank_account_unverified")

	_, err = sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 46}})
	se := stripeErr(t, err, 402, stripe.ErrorTypeInvalidRequest, "bank_account_verification_failed")
	if se.Msg != "The amounts provided do not match the amounts that were sent to the bank account." {
		t.Errorf("message %q", se.Msg)
	}
	src, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{45, 32}})
	if err != nil || src.BankAccount == nil || src.BankAccount.Status != "verified" {
		t.Fatalf("verify: %v %+v", err, src)
	}
	_, err = sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")

	ch, err := sc.V1Charges.Create(ctx, charge)
	if err != nil || ch.Status != "pending" || ch.PaymentMethodDetails.Type != "ach_debit" || ch.Source.BankAccount == nil {
		t.Fatalf("debit: %v %+v", err, ch)
	}
	advance(achSettleDelay)
	got, _ := sc.V1Charges.Retrieve(ctx, ch.ID, nil)
	if got.Status != "succeeded" || !got.Paid {
		t.Errorf("settled debit: %s paid %v", got.Status, got.Paid)
	}
}

func TestBankDebitFailures(t *testing.T) {
	sc, advance := moneyServer(t)
	for _, b := range model.Banks {
		cus, ba := bankCustomer(t, sc, b.AccountNumber)
		if _, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}}); err != nil {
			t.Fatal(err)
		}
		ch, err := sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1500), Currency: stripe.String("usd"), Customer: stripe.String(cus)})
		if err != nil || ch.Status != "pending" {
			t.Fatalf("%s: %v %+v", b.Name, err, ch)
		}
		advance(achSettleDelay)
		got, _ := sc.V1Charges.Retrieve(ctx, ch.ID, nil)
		want := "succeeded"
		switch {
		case b.Name == "bank_processing":
			want = "pending"
		case b.Code != "":
			want = "failed"
		}
		if string(got.Status) != want || got.FailureCode != b.Code {
			t.Errorf("%s: %s %q, want %s %q", b.Name, got.Status, got.FailureCode, want, b.Code)
		}
	}
}

func TestConnectAccountFromTokens(t *testing.T) {
	sc, _ := moneyServer(t)
	ct, err := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{
		BusinessType: stripe.String("individual"),
		Individual:   &stripe.PersonParams{FirstName: stripe.String("Jenny"), LastName: stripe.String("Rosen")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	acct, err := sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), Country: stripe.String("US"), AccountToken: stripe.String(ct.ID)})
	if err != nil {
		t.Fatal(err)
	}
	if acct.Type != "custom" || acct.BusinessType != "individual" || acct.Individual == nil || acct.Individual.FirstName != "Jenny" || acct.Individual.IDNumberProvided {
		t.Fatalf("account %+v", acct)
	}
	tok, _ := sc.V1Tokens.Retrieve(ctx, ct.ID, nil)
	if !tok.Used {
		t.Error("the account token was not consumed")
	}
	_, err = sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), AccountToken: stripe.String(ct.ID)})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "token_already_used")

	// A token-made account takes no direct individual fields...
	_, err = sc.V1Accounts.Update(ctx, acct.ID, &stripe.AccountUpdateParams{Individual: &stripe.PersonParams{FirstName: stripe.String("X")}})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")
	// ...but a PII token stands in for its id number.
	pii, err := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{PII: &stripe.TokenCreatePIIParams{IDNumber: stripe.String("000000000")}})
	if err != nil {
		t.Fatal(err)
	}
	up, err := sc.V1Accounts.Update(ctx, acct.ID, &stripe.AccountUpdateParams{Individual: &stripe.PersonParams{IDNumber: stripe.String(pii.ID)}})
	if err != nil || up.Individual == nil || !up.Individual.IDNumberProvided {
		t.Fatalf("id number by PII token: %v %+v", err, up)
	}
	got, err := sc.V1Accounts.GetByID(ctx, acct.ID, nil)
	if err != nil || !got.Individual.IDNumberProvided {
		t.Errorf("GET account: %v %+v", err, got)
	}
	_, err = sc.V1Accounts.Update(ctx, acct.ID, &stripe.AccountUpdateParams{Individual: &stripe.PersonParams{IDNumber: stripe.String(pii.ID)}})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "token_already_used")
	// A card token is no account token.
	_, err = sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), AccountToken: stripe.String("tok_visa")})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "resource_missing")
}

func TestConnectPersonWithPIIToken(t *testing.T) {
	sc, _ := moneyServer(t)
	acct, err := sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), BusinessType: stripe.String("company")})
	if err != nil {
		t.Fatal(err)
	}
	pii, _ := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{PII: &stripe.TokenCreatePIIParams{IDNumber: stripe.String("000000000")}})
	p, err := sc.V1Persons.Create(ctx, &stripe.PersonCreateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String(pii.ID), FirstName: stripe.String("Jenny")})
	if err != nil || !p.IDNumberProvided || p.Account != acct.ID {
		t.Fatalf("person: %v %+v", err, p)
	}
	got, err := sc.V1Persons.Retrieve(ctx, p.ID, &stripe.PersonRetrieveParams{Account: stripe.String(acct.ID)})
	if err != nil || got.FirstName != "Jenny" {
		t.Errorf("GET person: %v %+v", err, got)
	}
	ct, _ := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{BusinessType: stripe.String("company")}})
	_, err = sc.V1Persons.Create(ctx, &stripe.PersonCreateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String(ct.ID)})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "id_number_invalid")
	used, _ := sc.V1Tokens.Retrieve(ctx, ct.ID, nil)
	if used.Used {
		t.Error("an account token given as an id number was consumed")
	}
	_, err = sc.V1Persons.Create(ctx, &stripe.PersonCreateParams{Account: stripe.String("acct_nope")})
	stripeErr(t, err, http.StatusNotFound, stripe.ErrorTypeInvalidRequest, "resource_missing")
}

// An individual's id number on a company's account is refused before the
// PII token is consumed, so the same token still works elsewhere.
func TestCompanyAccountRefusesIDNumberWithoutConsumingIt(t *testing.T) {
	sc, _ := moneyServer(t)
	ct, err := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{BusinessType: stripe.String("company")}})
	if err != nil {
		t.Fatal(err)
	}
	acct, err := sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), AccountToken: stripe.String(ct.ID)})
	if err != nil {
		t.Fatal(err)
	}
	pii, _ := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{PII: &stripe.TokenCreatePIIParams{IDNumber: stripe.String("000000000")}})
	_, err = sc.V1Accounts.Update(ctx, acct.ID, &stripe.AccountUpdateParams{Individual: &stripe.PersonParams{IDNumber: stripe.String(pii.ID)}})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "account_information_mismatch")
	if tok, _ := sc.V1Tokens.Retrieve(ctx, pii.ID, nil); tok.Used {
		t.Error("the refused request consumed the PII token")
	}
	if _, err := sc.V1Persons.Create(ctx, &stripe.PersonCreateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String(pii.ID)}); err != nil {
		t.Errorf("the PII token after a refusal: %v", err)
	}
}
