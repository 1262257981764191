package emulator

import (
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// Ten verifications with wrong amounts fail a bank account for good: its
// status becomes verification_failed (customer.source.updated), and
// every verification after it is refused, the right amounts too, so the
// account can never be debited.
func TestBankVerificationLocksOut(t *testing.T) {
	sc, _ := moneyServer(t)
	cus, ba := bankCustomer(t, sc, "000123456789")
	wrong := &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{1, 2}}
	right := &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}}
	status := func() stripe.BankAccountStatus {
		t.Helper()
		src, err := sc.V1PaymentSources.Retrieve(ctx, ba, &stripe.PaymentSourceRetrieveParams{Customer: stripe.String(cus)})
		if err != nil || src.BankAccount == nil {
			t.Fatalf("GET %s: %v %+v", ba, err, src)
		}
		return src.BankAccount.Status
	}
	_, seen := newEventTypes(t, sc, "")
	for i := 1; i <= verifyAttempts; i++ {
		_, err := sc.V1PaymentSources.Verify(ctx, ba, wrong)
		se := stripeErr(t, err, 402, stripe.ErrorTypeInvalidRequest, "bank_account_verification_failed")
		if se.Msg != "The amounts provided do not match the amounts that were sent to the bank account." {
			t.Errorf("attempt %d: message %q", i, se.Msg)
		}
		if st, want := status(), map[bool]stripe.BankAccountStatus{false: "new", true: "verification_failed"}[i == verifyAttempts]; st != want {
			t.Fatalf("after %d wrong attempts: status %s, want %s", i, st, want)
		}
	}
	if evs, _ := newEventTypes(t, sc, seen); len(evs) != 1 || evs[0] != "customer.source.updated" {
		t.Errorf("events %v, want customer.source.updated once", evs)
	}
	for _, p := range []*stripe.PaymentSourceVerifyParams{right, wrong} {
		_, err := sc.V1PaymentSources.Verify(ctx, ba, p)
		se := stripeErr(t, err, 402, stripe.ErrorTypeInvalidRequest, "bank_account_verification_failed")
		if !strings.HasPrefix(se.Msg, model.MsgBankVerifyLocked) {
			t.Errorf("verify %v once locked: message %q", p.Amounts, se.Msg)
		}
	}
	if st := status(); st != "verification_failed" {
		t.Errorf("status %s after the right amounts, want verification_failed", st)
	}
	_, err := sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1500), Currency: stripe.String("usd"), Customer: stripe.String(cus)})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "bank_account_unverified")
}

// Fewer wrong attempts than the limit leave the account to verify.
func TestBankVerificationBeforeTheLimit(t *testing.T) {
	sc, _ := moneyServer(t)
	cus, ba := bankCustomer(t, sc, "000123456789")
	for range verifyAttempts - 1 {
		_, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{1, 2}})
		stripeErr(t, err, 402, stripe.ErrorTypeInvalidRequest, "bank_account_verification_failed")
	}
	src, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}})
	if err != nil || src.BankAccount == nil || src.BankAccount.Status != "verified" {
		t.Fatalf("verify after %d wrong attempts: %v %+v", verifyAttempts-1, err, src)
	}
}
