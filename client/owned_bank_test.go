package client_test

import (
	"context"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// A customer's bank account is read through its customer, before and
// after its verification, from the emulator and from stripe-mock (which
// accepts the request only when it matches Stripe's spec).
func TestSourceReadsABankAccount(t *testing.T) {
	ctx := context.Background()
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			c := tg.open(t)
			tok, err := c.Create(ctx, testio.Preset(t, "bank_ok"))
			if err != nil {
				t.Fatal(err)
			}
			use, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UseCustomer})
			if err != nil {
				t.Fatal(err)
			}
			cus, err := c.Object(ctx, use.ObjectID)
			if err != nil {
				t.Fatal(err)
			}
			ba := cus.Fields().Get("default_source")
			if tg.name != "emulator" {
				ba = "ba_1Qx4mockSource" // stripe-mock's customers have no source
			}
			src, err := c.ObjectUnder(ctx, cus.ID, ba)
			if err != nil || src.RequestID == "" || tg.name == "emulator" && src.ID != ba {
				t.Fatalf("source %s of %s: %+v %v", ba, cus.ID, src, err)
			}
			if tg.name != "emulator" {
				return // stripe-mock's answers are fixtures
			}
			if got := src.Fields().Get("status"); got != "new" {
				t.Errorf("status before verification %q, want new", got)
			}
			if _, err := c.Verify(ctx, model.VerifyRequest{Customer: cus.ID, Bank: ba, Amounts: [2]int64{32, 45}}); err != nil {
				t.Fatal(err)
			}
			if src, err = c.ObjectUnder(ctx, cus.ID, ba); err != nil || src.Fields().Get("status") != "verified" {
				t.Errorf("status after verification %q, %v", src.Fields().Get("status"), err)
			}
		})
	}
	if _, err := targets[0].open(t).ObjectUnder(ctx, "cus_1", "4242424242424242"); err == nil {
		t.Error("a card number was sent as a source id")
	}
}
