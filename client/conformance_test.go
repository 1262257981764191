package client_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/stripemock"
	"github.com/tokenscope/tokenscope/model"
)

func TestMain(m *testing.M) { os.Exit(stripemock.Run(m)) }

// target is a backend the conformance suite runs against.
type target struct {
	name string
	open func(t *testing.T) *client.Client
}

// targets: the offline emulator in-process, and stripe-mock, which checks
// every request against Stripe's OpenAPI spec.
var targets = []target{
	{"emulator", func(t *testing.T) *client.Client { return offlineClient(t, "") }},
	{"stripe-mock", func(t *testing.T) *client.Client {
		c, err := client.New(client.Config{Key: "sk_test_conformance", BaseURL: stripemock.Start(t)})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}},
}

// offlineClient is a client on a fresh in-memory emulator; key "" is the
// offline default.
func offlineClient(t testing.TB, key string) *client.Client {
	t.Helper()
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(client.Config{Key: key, Handler: emu})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// requests is one of each kind of token tokenscope creates.
func requests(t testing.TB) map[string]model.TokenRequest {
	return map[string]model.TokenRequest{
		"card":    testio.Preset(t, "visa"),
		"amex":    testio.Preset(t, "amex"),
		"bank":    testio.Preset(t, "bank_ok"),
		"pii":     testio.Preset(t, "id_match"),
		"account": {Kind: model.KindAccount, Account: &model.AccountInput{BusinessType: "individual", FirstName: "Jenny", LastName: "Rosen"}},
		"company": {Kind: model.KindAccount, Account: &model.AccountInput{BusinessType: "company", CompanyName: "Rocket Rides"}},
	}
}

// TestConformance sends every request shape tokenscope uses. Against
// stripe-mock an accepted request proves the shape matches Stripe's spec
// (unknown or missing params are a 400 there); stripe-mock answers with
// fixtures, so only acceptance is checked, not content.
func TestConformance(t *testing.T) {
	ctx := context.Background()
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			c := tg.open(t)
			for name, req := range requests(t) {
				rec, err := c.Create(ctx, req)
				if err != nil {
					t.Fatalf("create %s: %v", name, err)
				}
				if rec.ID == "" || rec.RequestID == "" || len(rec.Raw) == 0 {
					t.Errorf("create %s: record lacks id, request id or raw JSON: %+v", name, rec)
				}
			}
			for _, kind := range []model.UseKind{model.UseCustomer, model.UseCharge, model.UsePaymentMethod, model.UsePaymentIntent} {
				tok, err := c.Create(ctx, testio.Preset(t, "visa"))
				if err != nil {
					t.Fatal(err)
				}
				got, err := c.Get(ctx, tok.ID)
				if err != nil || got.ID == "" {
					t.Fatalf("get %s: %+v, %v", tok.ID, got, err)
				}
				use, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: kind, Amount: 1000, Currency: "usd"})
				if err != nil {
					t.Fatalf("use by %s: %v", kind, err)
				}
				prefix := map[model.UseKind]string{model.UseCustomer: "cus_", model.UseCharge: "ch_",
					model.UsePaymentMethod: "pm_", model.UsePaymentIntent: "pi_"}[kind]
				if !strings.HasPrefix(use.ObjectID, prefix) || use.RequestID == "" || use.Kind != kind {
					t.Errorf("use by %s: %+v", kind, use)
				}
				if kind == model.UsePaymentMethod || kind == model.UsePaymentIntent {
					obj, err := c.Object(ctx, use.ObjectID)
					if err != nil || obj.ID == "" || string(obj.Kind) != string(kind) || obj.RequestID == "" {
						t.Errorf("get %s: %+v %v", use.ObjectID, obj, err)
					}
				}
			}
			tok, err := c.Create(ctx, testio.Preset(t, "visa"))
			if err != nil {
				t.Fatal(err)
			}
			held, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd",
				CaptureMethod: "manual", ReturnURL: "https://example.com/done"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Capture(ctx, held.ObjectID, 500); err != nil {
				t.Errorf("capture %s: %v", held.ObjectID, err)
			}
			tok, _ = c.Create(ctx, testio.Preset(t, "visa"))
			other, _ := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd", CaptureMethod: "manual"})
			if _, err := c.Cancel(ctx, other.ObjectID); err != nil {
				t.Errorf("cancel %s: %v", other.ObjectID, err)
			}
			if _, err := c.Get(ctx, "tok_visa"); err != nil {
				t.Errorf("get magic token tok_visa: %v", err)
			}
			for _, e := range c.Log().Entries() {
				if e.Status != 200 {
					t.Errorf("%s %s answered %d (body %s)", e.Method, e.Path, e.Status, e.Body)
				}
			}
		})
	}
}

// An account token names an individual under account[individual] and a
// company under account[company], as Stripe's API takes them: a company's
// token sent account[individual][first_name]. A name of the other business
// type is refused before anything is sent.
func TestAccountTokenNamesFollowBusinessType(t *testing.T) {
	ctx := context.Background()
	account := func(a model.AccountInput) model.TokenRequest {
		return model.TokenRequest{Kind: model.KindAccount, Account: &a}
	}
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			c := tg.open(t)
			for _, r := range []struct {
				req       model.TokenRequest
				want, not string
			}{
				{account(model.AccountInput{BusinessType: "company", CompanyName: "Rocket Rides"}), "account[company][name]=Rocket Rides", "account[individual]"},
				{account(model.AccountInput{BusinessType: "individual", FirstName: "Jenny", LastName: "Rosen"}), "account[individual][first_name]=Jenny", "account[company]"},
			} {
				before := len(c.Log().Entries())
				if _, err := c.Create(ctx, r.req); err != nil {
					t.Fatalf("create %+v: %v", *r.req.Account, err)
				}
				body := c.Log().Entries()[before].Body
				if !strings.Contains(body, r.want) || strings.Contains(body, r.not) {
					t.Errorf("%s token: body %q, want %q and no %q", r.req.Account.BusinessType, body, r.want, r.not)
				}
			}
			_, err := c.Create(ctx, account(model.AccountInput{BusinessType: "company", FirstName: "Jenny"}))
			if e, ok := model.AsError(err); !ok || !e.Local || e.Param != model.ParamFirstName {
				t.Errorf("a company with a first name: %v, want a local refusal naming %s", err, model.ParamFirstName)
			}
		})
	}
}
