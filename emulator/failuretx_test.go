package emulator

import (
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// verifiedDebit charges amount on a verified bank account of the test
// account number, pending.
func verifiedDebit(t *testing.T, sc *stripe.Client, account string, amount int64) *stripe.Charge {
	t.Helper()
	cus, ba := bankCustomer(t, sc, account)
	if _, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}}); err != nil {
		t.Fatal(err)
	}
	ch, err := sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(amount), Currency: stripe.String("usd"), Customer: stripe.String(cus)})
	if err != nil || ch.Status != "pending" || ch.BalanceTransaction == nil {
		t.Fatalf("debit: %v %+v", err, ch)
	}
	return ch
}

// balanceTxsOf lists the balance transactions of source, newest first.
func balanceTxsOf(t *testing.T, sc *stripe.Client, source string) []*stripe.BalanceTransaction {
	t.Helper()
	var out []*stripe.BalanceTransaction
	for bt, err := range sc.V1BalanceTransactions.List(ctx, &stripe.BalanceTransactionListParams{Source: stripe.String(source)}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, bt)
	}
	return out
}

// A debit of each failing test bank account keeps its balance
// transaction and gets a second one that takes the amount back
// (payment_failure_refund, reporting category charge_failure), dated when
// the debit failed: listed before the charge is read, named by the
// charge's failure_balance_transaction, expandable. A debit that
// succeeds, or stays processing, has none.
func TestFailedDebitIsReversed(t *testing.T) {
	sc, advance := moneyServer(t)
	start := fixedNow
	for _, b := range model.Banks {
		ch := verifiedDebit(t, sc, b.AccountNumber, 1500)
		debitTx := ch.BalanceTransaction.ID
		advance(time.Minute) // read long after it fell due
		failsAt := start.Add(achSettleDelay).Unix()
		start = start.Add(time.Minute)

		txs := balanceTxsOf(t, sc, ch.ID)
		if b.Code == "" {
			if len(txs) != 1 || txs[0].ID != debitTx {
				t.Errorf("%s: balance transactions %+v, want the debit's alone", b.Name, txs)
			}
			got, _ := sc.V1Charges.Retrieve(ctx, ch.ID, nil)
			if got.FailureBalanceTransaction != nil {
				t.Errorf("%s: failure_balance_transaction %s", b.Name, got.FailureBalanceTransaction.ID)
			}
			continue
		}
		if len(txs) != 2 || txs[1].ID != debitTx {
			t.Fatalf("%s: balance transactions %+v, want the reversal then the debit's", b.Name, txs)
		}
		rev := txs[0]
		if rev.Type != "payment_failure_refund" || rev.ReportingCategory != "charge_failure" || rev.Amount != -1500 ||
			rev.Fee != 0 || rev.Net != -1500 || rev.Currency != "usd" || rev.Source.ID != ch.ID || rev.Created != failsAt {
			t.Errorf("%s: the reversal %+v (created %d, want %d)", b.Name, rev, rev.Created, failsAt)
		}
		if sum := txs[0].Amount + txs[1].Amount; sum != 0 {
			t.Errorf("%s: the debit and its reversal sum to %d", b.Name, sum)
		}

		gp := &stripe.ChargeRetrieveParams{}
		gp.AddExpand("failure_balance_transaction")
		got, err := sc.V1Charges.Retrieve(ctx, ch.ID, gp)
		if err != nil || got.Status != "failed" || got.FailureCode != b.Code {
			t.Fatalf("%s: charge %v %+v", b.Name, err, got)
		}
		if got.BalanceTransaction == nil || got.BalanceTransaction.ID != debitTx {
			t.Errorf("%s: balance_transaction %+v, want the debit's %s still", b.Name, got.BalanceTransaction, debitTx)
		}
		if f := got.FailureBalanceTransaction; f == nil || f.ID != rev.ID || f.Amount != -1500 {
			t.Errorf("%s: failure_balance_transaction %+v, want %s expanded", b.Name, f, rev.ID)
		}
		byType := balanceTxsOfType(t, sc, "payment_failure_refund")
		if byType[rev.ID] == nil {
			t.Errorf("%s: type=payment_failure_refund does not list %s", b.Name, rev.ID)
		}
	}
}

func balanceTxsOfType(t *testing.T, sc *stripe.Client, typ string) map[string]*stripe.BalanceTransaction {
	t.Helper()
	out := map[string]*stripe.BalanceTransaction{}
	for bt, err := range sc.V1BalanceTransactions.List(ctx, &stripe.BalanceTransactionListParams{Type: stripe.String(typ)}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		out[bt.ID] = bt
	}
	return out
}

// A refund of 4000000000005126 that fails gives its amount back with the
// balance transaction its failure_balance_transaction names (refund_failure).
func TestFailedRefundIsGivenBack(t *testing.T) {
	sc, advance := moneyServer(t)
	ch := chargeTestCard(t, sc, "4000000000005126", 1000)
	re, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Amount: stripe.Int64(400)})
	if err != nil {
		t.Fatal(err)
	}
	advance(time.Hour)
	got, err := sc.V1Refunds.Retrieve(ctx, re.ID, nil)
	if err != nil || got.Status != "failed" || got.FailureBalanceTransaction == nil {
		t.Fatalf("refund: %v %+v", err, got)
	}
	bt, err := sc.V1BalanceTransactions.Retrieve(ctx, got.FailureBalanceTransaction.ID, nil)
	if err != nil || bt.Type != "refund_failure" || bt.Amount != 400 || bt.Source.ID != re.ID ||
		bt.Created != fixedNow.Add(refundSettleDelay).Unix() {
		t.Errorf("the refund's failure transaction: %v %+v", err, bt)
	}
}

// The balance adds the transactions up: a failed debit's reversal takes
// back its amount, leaving the fee, pending until two days after, then
// available; an empty balance lists usd at 0.
func TestBalanceShowsFailedDebit(t *testing.T) {
	sc, advance := moneyServer(t)
	usd := func(amounts []*stripe.BalanceAmount) int64 {
		t.Helper()
		if len(amounts) == 0 || amounts[0].Currency != "usd" {
			t.Fatalf("amounts %+v, want usd first", amounts)
		}
		return amounts[0].Amount
	}
	b, err := sc.V1Balance.Retrieve(ctx, nil)
	if err != nil || usd(b.Available) != 0 || usd(b.Pending) != 0 {
		t.Fatalf("an empty balance: %v %+v", err, b)
	}
	verifiedDebit(t, sc, "000222222227", 1500)      // insufficient funds; fee 12
	chargeTestCard(t, sc, "4242424242424242", 1000) // fee 59
	advance(time.Minute)
	b, _ = sc.V1Balance.Retrieve(ctx, nil)
	if got := usd(b.Pending); got != 1000-59-12 || usd(b.Available) != 0 {
		t.Errorf("pending %d available %d, want %d and 0", got, usd(b.Available), 1000-59-12)
	}
	advance(3 * 24 * time.Hour)
	b, _ = sc.V1Balance.Retrieve(ctx, nil)
	if got := usd(b.Available); got != 1000-59-12 || usd(b.Pending) != 0 {
		t.Errorf("available %d pending %d, want %d and 0", got, usd(b.Pending), 1000-59-12)
	}
}
