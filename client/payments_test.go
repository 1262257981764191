package client_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// A 3DS card's PaymentIntent waits in requires_action; Authenticate
// answers the emulator's page: completed it succeeds, failed it returns
// to requires_payment_method.
func TestAuthenticateOffline(t *testing.T) {
	c := offlineClient(t, "")
	ctx := t.Context()
	for _, tc := range []struct {
		fail      bool
		want, err string
	}{{false, model.PISucceeded, ""}, {true, model.PIRequiresPaymentMethod, "payment_intent_authentication_failure"}} {
		tok, err := c.Create(ctx, testio.Preset(t, "threeds_always"))
		if err != nil {
			t.Fatal(err)
		}
		use, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
		if err != nil || use.Status != model.PIRequiresAction || !strings.HasPrefix(use.PaymentMethod, "pm_") {
			t.Fatalf("use: %+v %v", use, err)
		}
		ch, err := c.Authenticate(ctx, use.ObjectID, tc.fail)
		if err != nil || !ch.Answered {
			t.Fatalf("authenticate: %+v %v", ch, err)
		}
		f := ch.PaymentIntent.Fields()
		if f.Get("status") != tc.want || f.Get("last_payment_error.code") != tc.err {
			t.Errorf("fail=%v: %s", tc.fail, ch.PaymentIntent.Raw)
		}
		_, err = c.Authenticate(ctx, use.ObjectID, false)
		if e, ok := model.AsError(err); !ok || e.Code != "payment_intent_unexpected_state" {
			t.Errorf("second authenticate: %v", err)
		}
	}
}

func TestPaymentIntentDeclineCarriesIt(t *testing.T) {
	c := offlineClient(t, "")
	ctx := t.Context()
	tok, _ := c.Create(ctx, testio.Preset(t, "insufficient_funds"))
	use, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
	e, ok := model.AsError(err)
	if !ok || e.HTTPStatus != http.StatusPaymentRequired || e.DeclineCode != "insufficient_funds" ||
		!strings.HasPrefix(e.PaymentIntent, "pi_") || !strings.HasPrefix(e.Charge, "ch_") {
		t.Fatalf("%#v", err)
	}
	if use.ObjectID != e.PaymentIntent || use.Status != "failed" || use.PaymentMethod == "" {
		t.Errorf("use %+v", use)
	}
	pi, err := c.Object(ctx, e.PaymentIntent)
	if err != nil || pi.Fields().Get("status") != model.PIRequiresPaymentMethod || pi.Fields().Get("latest_charge") != e.Charge {
		t.Errorf("%s %v", pi.Raw, err)
	}
	if got, _ := c.Get(ctx, tok.ID); !got.Used {
		t.Error("the token is not used")
	}
	_, err = c.Capture(ctx, e.PaymentIntent, 0)
	if e, ok := model.AsError(err); !ok || e.Code != "payment_intent_unexpected_state" || e.HTTPStatus != 400 {
		t.Errorf("capture: %v", err)
	}
	for _, id := range []string{"cus_1", "tok_visa", "pi_a/b", "ch_a/b", "4242424242424242"} {
		if _, err := c.Capture(ctx, id, 0); err == nil {
			t.Errorf("capture %q: no error", id)
		} else if e, _ := model.AsError(err); !e.Local {
			t.Errorf("capture %q sent: %v", id, err)
		}
	}
}

// A challenge page that is not the backend's own (Stripe's) is for a
// person: Authenticate returns its URL and answers nothing.
func TestAuthenticateElsewhereReturnsTheURL(t *testing.T) {
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Host = "hooks.stripe.example" // the page the API names is on another host
		emu.ServeHTTP(w, r)
	})
	c, err := client.New(client.Config{Handler: elsewhere})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	tok, _ := c.Create(ctx, testio.Preset(t, "threeds_always"))
	use, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := c.Authenticate(ctx, use.ObjectID, false)
	if err != nil || ch.Answered || !strings.HasPrefix(ch.URL, "http://hooks.stripe.example/3ds/"+use.ObjectID) {
		t.Fatalf("%+v %v", ch, err)
	}
	if pi, _ := c.Object(ctx, use.ObjectID); pi.Fields().Get("status") != model.PIRequiresAction {
		t.Errorf("the challenge was answered: %s", pi.Raw)
	}
}
