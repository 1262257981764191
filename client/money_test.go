package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// TestMoneyConformance sends the requests of refunds, bank verification
// and Connect to the emulator and to stripe-mock, which accepts them only
// when they match Stripe's spec. Content is checked offline only.
func TestMoneyConformance(t *testing.T) {
	ctx := context.Background()
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			c := tg.open(t)
			offline := tg.name == "emulator"

			tok, err := c.Create(ctx, testio.Preset(t, "visa"))
			if err != nil {
				t.Fatal(err)
			}
			ch, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
			if err != nil {
				t.Fatal(err)
			}
			re, err := c.Refund(ctx, model.RefundRequest{Of: ch.ObjectID, Amount: 400})
			if err != nil || !strings.HasPrefix(re.ID, "re_") || re.RequestID == "" {
				t.Fatalf("refund: %+v %v", re, err)
			}
			if offline && re.Fields().Get("amount") != "400" {
				t.Errorf("refund amount %s", re.Fields().Get("amount"))
			}
			if _, err := c.Refund(ctx, model.RefundRequest{Of: "4242424242424242"}); err == nil {
				t.Error("a card number was sent as a charge id")
			}

			dtok, err := c.Create(ctx, testio.Preset(t, "dispute_fraudulent"))
			if err != nil {
				t.Fatal(err)
			}
			dch, err := c.Use(ctx, model.UseRequest{TokenID: dtok.ID, Kind: model.UseCharge, Amount: 2000, Currency: "usd"})
			if err != nil {
				t.Fatal(err)
			}
			du, found, err := c.DisputeOf(ctx, dch.ObjectID)
			if err != nil || !found || !strings.HasPrefix(du.ID, "du_") && !strings.HasPrefix(du.ID, "dp_") {
				t.Fatalf("dispute of %s: %+v %v %v", dch.ObjectID, du, found, err)
			}
			answered, err := c.Answer(ctx, du.ID, model.WinningEvidence, false)
			if err != nil {
				t.Fatalf("evidence: %v", err)
			}
			// Under review, as at Stripe; test mode decides it later.
			if offline && answered.Fields().Get("status") != "under_review" {
				t.Errorf("answered dispute: %s", answered.Raw)
			}
			if _, err := c.Answer(ctx, du.ID, "", true); offline == (err == nil) {
				t.Errorf("close after the evidence: %v", err)
			}

			btok, err := c.Create(ctx, testio.Preset(t, "bank_ok"))
			if err != nil {
				t.Fatal(err)
			}
			cus, err := c.Use(ctx, model.UseRequest{TokenID: btok.ID, Kind: model.UseCustomer})
			if err != nil {
				t.Fatal(err)
			}
			ba := fields(t, btok.Raw).Get("bank_account.id")
			if ba == "" && !offline {
				ba = "ba_fixture" // stripe-mock's token fixture is a card
			}
			if ba == "" {
				t.Fatalf("the bank token has no bank_account.id: %s", btok.Raw)
			}
			ver, err := c.Verify(ctx, model.VerifyRequest{Customer: cus.ObjectID, Bank: ba, Amounts: [2]int64{32, 45}})
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if offline && ver.Fields().Get("status") != "verified" {
				t.Errorf("verified account: %s", ver.Raw)
			}

			ct, err := c.Create(ctx, requests(t)["account"])
			if err != nil {
				t.Fatal(err)
			}
			acct, err := c.Use(ctx, model.UseRequest{TokenID: ct.ID, Kind: model.UseAccount})
			if err != nil || !strings.HasPrefix(acct.ObjectID, "acct_") || acct.Status != "created" {
				t.Fatalf("account from %s: %+v %v", ct.ID, acct, err)
			}
			pii, err := c.Create(ctx, testio.Preset(t, "id_match"))
			if err != nil {
				t.Fatal(err)
			}
			id, err := c.Use(ctx, model.UseRequest{TokenID: pii.ID, Kind: model.UseIDNumber, Account: acct.ObjectID})
			if err != nil || id.ObjectID != acct.ObjectID || id.Status != "id_number_provided" {
				t.Fatalf("id number from %s: %+v %v", pii.ID, id, err)
			}
			for _, e := range c.Log().Entries() {
				if e.Status != 200 && !(offline && strings.HasSuffix(e.Path, "/close")) {
					t.Errorf("%s %s answered %d (body %s)", e.Method, e.Path, e.Status, e.Body)
				}
			}
		})
	}
}

// TestMoneyRefusalsOffline: the emulator's refusals come back as
// model.Error with Stripe's codes.
func TestMoneyRefusalsOffline(t *testing.T) {
	ctx := context.Background()
	c := offlineClient(t, "")
	tok, _ := c.Create(ctx, testio.Preset(t, "visa"))
	ch, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Refund(ctx, model.RefundRequest{Of: ch.ObjectID, Amount: 2000})
	if e, ok := model.AsError(err); !ok || e.Code != "amount_too_large" || e.Local {
		t.Errorf("refund of too much: %v", err)
	}
	if _, err := c.Refund(ctx, model.RefundRequest{Of: ch.ObjectID}); err != nil {
		t.Fatal(err)
	}
	_, err = c.Refund(ctx, model.RefundRequest{Of: ch.ObjectID})
	if e, ok := model.AsError(err); !ok || e.Code != "charge_already_refunded" {
		t.Errorf("second full refund: %v", err)
	}
	btok, _ := c.Create(ctx, testio.Preset(t, "bank_ok"))
	cus, _ := c.Use(ctx, model.UseRequest{TokenID: btok.ID, Kind: model.UseCustomer})
	_, err = c.Verify(ctx, model.VerifyRequest{Customer: cus.ObjectID, Bank: fields(t, btok.Raw).Get("bank_account.id"), Amounts: [2]int64{32, 46}})
	if e, ok := model.AsError(err); !ok || e.Code != "bank_account_verification_failed" || e.HTTPStatus != 402 {
		t.Errorf("verify with the wrong amounts: %v", err)
	}
}

func fields(t *testing.T, raw []byte) model.Fields {
	t.Helper()
	f, err := model.DecodeFields(raw)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
