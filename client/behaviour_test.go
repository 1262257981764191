package client_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/internal/testio"

	"github.com/tokenscope/tokenscope/model"
)

// stripeToken decodes a record's Token as stripe-go does, to check that
// the emulator's answers read as Stripe's.
func stripeToken(rec model.Record) (*stripe.Token, error) {
	var t stripe.Token
	if err := json.Unmarshal(rec.Raw, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// Behaviour against the emulator only: stripe-mock answers fixtures.

func TestCreateKindsBrandsLast4(t *testing.T) {
	c := offlineClient(t, "")
	for _, name := range []string{"visa", "mastercard", "amex", "discover", "unionpay", "generic_decline"} {
		card, _ := model.CardByName(name)
		rec, err := c.Create(t.Context(), testio.Preset(t, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		tok, err := stripeToken(rec)
		if err != nil || rec.Type != model.KindCard || tok.Card == nil {
			t.Fatalf("%s: %+v %v", name, rec, err)
		}
		if string(tok.Card.Brand) != card.Brand || tok.Card.Last4 != model.Last4(card.Number) || rec.Used || rec.Preset != name {
			t.Errorf("%s: brand %s last4 %s used %v preset %q", name, tok.Card.Brand, tok.Card.Last4, rec.Used, rec.Preset)
		}
		if !strings.HasPrefix(rec.ID, "tok_") {
			t.Errorf("%s: id %s", name, rec.ID)
		}
	}
	kinds := map[string]struct {
		kind   model.Kind
		prefix string
	}{"bank": {model.KindBank, "btok_"}, "pii": {model.KindPII, "pii_"}, "account": {model.KindAccount, "ct_"}}
	reqs := requests(t)
	for name, want := range kinds {
		rec, err := c.Create(t.Context(), reqs[name])
		if err != nil || rec.Type != want.kind || !strings.HasPrefix(rec.ID, want.prefix) {
			t.Errorf("%s: %s %s, %v", name, rec.Type, rec.ID, err)
		}
	}
	bank, _ := c.Create(t.Context(), reqs["bank"])
	if tok, _ := stripeToken(bank); tok.BankAccount == nil || tok.BankAccount.BankName != model.TestBankName || tok.BankAccount.Last4 != "6789" {
		t.Errorf("bank token %s", bank.Raw)
	}
}

func TestLocalValidationSendsNothing(t *testing.T) {
	c := offlineClient(t, "")
	req := testio.Preset(t, "visa")
	req.Card.Number = "4242424242424241"
	_, err := c.Create(t.Context(), req)
	e, ok := model.AsError(err)
	if !ok || !e.Local || e.Code != "incorrect_number" || e.Param == "" || e.Why == "" {
		t.Fatalf("got %#v", err)
	}
	_, err = c.Use(t.Context(), model.UseRequest{TokenID: "tok_x", Kind: model.UseCharge, Amount: -5, Currency: "usd"})
	if e, ok := model.AsError(err); !ok || !e.Local {
		t.Fatalf("use with a negative amount: %#v", err)
	}
	if n := len(c.Log().Entries()); n != 0 {
		t.Fatalf("%d requests sent, want none", n)
	}
}

func TestDeclineCarriesCodesAndChargeID(t *testing.T) {
	for _, card := range model.Cards {
		if !card.Outcome.Declines() {
			continue
		}
		t.Run(card.Name, func(t *testing.T) {
			c := offlineClient(t, "")
			tok, err := c.Create(t.Context(), testio.Preset(t, card.Name))
			if err != nil {
				t.Fatal(err)
			}
			use, err := c.Use(t.Context(), model.UseRequest{TokenID: tok.ID, Kind: model.UseCharge, Amount: 2000, Currency: "usd"})
			e, ok := model.AsError(err)
			if !ok || e.Type != "card_error" || e.Code != card.Outcome.Code || e.DeclineCode != card.Outcome.DeclineCode {
				t.Fatalf("got %#v", err)
			}
			if !strings.HasPrefix(e.Charge, "ch_") || e.RequestID == "" || e.HTTPStatus != http.StatusPaymentRequired || e.Local {
				t.Errorf("charge %q request %q status %d", e.Charge, e.RequestID, e.HTTPStatus)
			}
			if e.Why == "" || e.Next == "" {
				t.Errorf("decline %s not explained", e.DeclineCode)
			}
			if use.Status != "failed" || use.ObjectID != e.Charge || use.DeclineCode != e.DeclineCode || use.Amount != 2000 {
				t.Errorf("use %+v", use)
			}
		})
	}
}

func TestTokenSingleUse(t *testing.T) {
	c := offlineClient(t, "")
	ctx := t.Context()
	tok, _ := c.Create(ctx, testio.Preset(t, "visa"))
	if _, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UseCustomer}); err != nil {
		t.Fatal(err)
	}
	got, err := c.Get(ctx, tok.ID)
	if err != nil || !got.Used {
		t.Fatalf("after use: used %v, %v", got.Used, err)
	}
	_, err = c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	e, ok := model.AsError(err)
	if !ok || e.Code != "token_already_used" || !strings.Contains(e.Next, "single-use") || e.Local || e.HTTPStatus != http.StatusBadRequest {
		t.Fatalf("second use: %#v", err)
	}
}

func TestMagicTokens(t *testing.T) {
	c := offlineClient(t, "")
	ctx := t.Context()
	for magic, card := range model.MagicTokens {
		rec, err := c.Get(ctx, magic)
		if err != nil {
			t.Fatalf("get %s: %v", magic, err)
		}
		if tok, _ := stripeToken(rec); tok.Card == nil || tok.Card.Last4 != model.Last4(card.Number) {
			t.Errorf("%s: %s", magic, rec.Raw)
		}
	}
	_, err := c.Use(ctx, model.UseRequest{TokenID: "tok_chargeDeclined", Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if e, ok := model.AsError(err); !ok || e.DeclineCode != "generic_decline" {
		t.Fatalf("charge tok_chargeDeclined: %#v", err)
	}
}

func TestPublishableKeyCreatesButCannotRetrieve(t *testing.T) {
	c := offlineClient(t, "pk_test_onboarding")
	ctx := t.Context()
	rec, err := c.Create(ctx, testio.Preset(t, "visa"))
	if err != nil {
		t.Fatal(err)
	}
	sent := len(c.Log().Entries())
	_, err = c.Get(ctx, rec.ID)
	e, ok := model.AsError(err)
	if !ok || !e.Local || !strings.Contains(e.Message, "sk_test_") || !strings.Contains(e.Message, "rk_test_") {
		t.Fatalf("get with pk_test_: %#v", err)
	}
	if len(c.Log().Entries()) != sent {
		t.Error("the refused retrieval was sent")
	}
	if !c.Backend().Publishable {
		t.Error("backend not marked publishable")
	}
}

// The request log shows what was sent with every secret masked, and never
// the key.
func TestRequestLogRedacts(t *testing.T) {
	c := offlineClient(t, "sk_test_secretkeymaterial")
	ctx := t.Context()
	card := testio.Preset(t, "visa")
	card.Card.CVC = "987"
	reqs := requests(t)
	for _, req := range []model.TokenRequest{card, reqs["bank"], reqs["pii"]} {
		if _, err := c.Create(ctx, req); err != nil {
			t.Fatal(err)
		}
	}
	all := fmt.Sprintf("%+v", c.Log().Entries())
	if strings.Contains(all, "secretkeymaterial") || strings.Contains(all, "Bearer") {
		t.Errorf("request log shows the key: %s", all)
	}
	var bodies strings.Builder
	for _, e := range c.Log().Entries() {
		bodies.WriteString(e.Body + "\n")
	}
	for _, secret := range []string{"4242424242424242", "cvc]=987", "000123456789", "=000000000"} {
		if strings.Contains(bodies.String(), secret) {
			t.Errorf("request log shows %q: %s", secret, bodies.String())
		}
	}
	for _, want := range []string{"card[number]=•••• 4242", "card[cvc]=(sensitive)", "bank_account[account_number]=•••• 6789", "pii[id_number]=(sensitive)"} {
		if !strings.Contains(all, want) {
			t.Errorf("request log lacks %q", want)
		}
	}
	for _, e := range c.Log().Entries() {
		if e.Method != "POST" || e.Path != "/v1/tokens" || e.Status != 200 || e.RequestID == "" || e.IdempotencyKey == "" || e.Latency <= 0 {
			t.Errorf("entry %+v", e)
		}
	}
}
