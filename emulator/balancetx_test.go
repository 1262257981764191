package emulator

import (
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// Each succeeded charge makes one balance transaction, listed newest
// first by stripe-go's auto-pagination, filtered by source, type and
// currency, fetched by id, and the one its charge expands to; a declined
// charge makes none.
func TestBalanceTransactions(t *testing.T) {
	e, err := New(Options{Now: ticking()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(specChecked(t, e))
	defer srv.Close()
	c := newClient(srv.URL, testKey)
	var charges []*stripe.Charge
	for _, cp := range []*stripe.ChargeCreateParams{
		{Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Source: &stripe.PaymentSourceSourceParams{Token: stripe.String("tok_visa")}, Description: stripe.String("first")},
		{Amount: stripe.Int64(500), Currency: stripe.String("usd"), Source: &stripe.PaymentSourceSourceParams{Token: stripe.String("tok_chargeDeclined")}},
		{Amount: stripe.Int64(2500), Currency: stripe.String("eur"), Source: &stripe.PaymentSourceSourceParams{Token: stripe.String("tok_visa")}},
	} {
		ch, err := c.V1Charges.Create(ctx, cp)
		if err == nil {
			charges = append(charges, ch)
		}
	}
	if len(charges) != 2 {
		t.Fatalf("%d charges succeeded, want 2", len(charges))
	}

	list := func(p *stripe.BalanceTransactionListParams) (out []*stripe.BalanceTransaction) {
		t.Helper()
		p.Limit = stripe.Int64(1) // pages of one: auto-pagination follows has_more
		for bt, err := range c.V1BalanceTransactions.List(ctx, p).All(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, bt)
		}
		return out
	}
	all := list(&stripe.BalanceTransactionListParams{})
	var got []string
	for _, bt := range all {
		got = append(got, bt.ID+" "+bt.Source.ID)
	}
	want := []string{charges[1].BalanceTransaction.ID + " " + charges[1].ID, charges[0].BalanceTransaction.ID + " " + charges[0].ID}
	if !slices.Equal(got, want) {
		t.Errorf("listed %v, want %v", got, want)
	}
	first := all[1]
	if first.Amount != 1000 || first.Fee != 59 || first.Net != 941 || first.Currency != "usd" || first.Type != "charge" ||
		first.ReportingCategory != "charge" || first.Description != "first" || first.Status != "pending" {
		t.Errorf("the first charge's balance transaction: %+v", first)
	}
	for name, p := range map[string]*stripe.BalanceTransactionListParams{
		"source": {Source: stripe.String(charges[0].ID)},
		"eur":    {Currency: stripe.String("eur")},
		"refund": {Type: stripe.String("refund")},
		"payout": {Payout: stripe.String("po_1")},
	} {
		n := len(list(p))
		if want := map[string]int{"source": 1, "eur": 1}[name]; n != want {
			t.Errorf("filtered by %s: %d, want %d", name, n, want)
		}
	}

	bt, err := c.V1BalanceTransactions.Retrieve(ctx, first.ID, nil)
	if err != nil || bt.ID != first.ID || bt.Net != 941 {
		t.Errorf("retrieve %s: %+v %v", first.ID, bt, err)
	}
	gp := &stripe.ChargeRetrieveParams{}
	gp.AddExpand("balance_transaction")
	ch, err := c.V1Charges.Retrieve(ctx, charges[0].ID, gp)
	if err != nil || ch.BalanceTransaction.Fee != 59 || ch.BalanceTransaction.ID != first.ID {
		t.Errorf("the charge's expanded balance transaction: %+v %v", ch.BalanceTransaction, err)
	}
	if _, err := c.V1BalanceTransactions.Retrieve(ctx, "txn_nope", nil); err == nil {
		t.Error("an unknown balance transaction was found")
	}
}
