package emulator

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// A PaymentIntent made without payment_method_types has automatic
// payment methods enabled and captures automatic_async, as at Stripe
// since 2023-08-16 and 2024-04-10; one that names its types has none.
func TestPaymentIntentDefaults(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, tc := range []struct {
		body, apm, capture string
	}{
		{"", `{"enabled":true}`, "automatic_async"},
		{"payment_method_types[]=card", "null", "automatic_async"},
		{"automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never", `{"enabled":true,"allow_redirects":"never"}`, "automatic_async"},
		{"automatic_payment_methods[enabled]=false", `{"enabled":false}`, "automatic_async"},
		{"capture_method=automatic", `{"enabled":true}`, "automatic"},
		{"capture_method=manual&payment_method_types[]=card", "null", "manual"},
	} {
		var pi struct {
			APM     json.RawMessage `json:"automatic_payment_methods"`
			Capture string          `json:"capture_method"`
			Types   []string        `json:"payment_method_types"`
		}
		json.Unmarshal(post(t, e, "/v1/payment_intents", "amount=1000&currency=usd&"+tc.body, nil).Body.Bytes(), &pi)
		if string(pi.APM) != tc.apm || pi.Capture != tc.capture || len(pi.Types) != 1 || pi.Types[0] != "card" {
			t.Errorf("%q: automatic_payment_methods %s capture_method %s payment_method_types %v, want %s %s [card]", tc.body, pi.APM, pi.Capture, pi.Types, tc.apm, tc.capture)
		}
	}
}

// Confirming a PaymentIntent whose automatic payment methods may
// redirect needs a return_url, unless off_session=true or
// allow_redirects=never: refused with Stripe's message, on creation
// with confirm=true (nothing made) and on /confirm alike.
func TestConfirmNeedsReturnURL(t *testing.T) {
	e, _ := New(Options{Now: clock})
	create := "amount=1000&currency=usd&payment_method=pm_card_visa&confirm=true"
	for _, tc := range []struct {
		body string
		ok   bool
	}{
		{create, false},
		{create + "&automatic_payment_methods[enabled]=true", false},
		{create + "&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=always", false},
		{create + "&return_url=https://shop.example/done", true},
		{create + "&off_session=true", true},
		{create + "&off_session=false", false},
		{create + "&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never", true},
		{create + "&automatic_payment_methods[enabled]=false", true},
		{create + "&payment_method_types[]=card", true},
	} {
		before := paymentIntentsMade(t, e)
		rec := do(t, e, "POST", "/v1/payment_intents", testKey, tc.body, nil)
		after := paymentIntentsMade(t, e)
		if tc.ok {
			if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"status":"succeeded"`) || after != before+1 {
				t.Errorf("%s: %d %s", tc.body, rec.Code, rec.Body)
			}
			continue
		}
		if got := errorBody(t, rec); rec.Code != 400 || got.Type != "invalid_request_error" || got.Message != returnURLRequired("Payment Intent") || after != before {
			t.Errorf("%s: %d %+v, %d PaymentIntents made", tc.body, rec.Code, got, after-before)
		}
	}

	pi := answer(t, e, "POST", "/v1/payment_intents", "amount=1000&currency=usd&payment_method=pm_card_visa")["id"].(string)
	if rec := do(t, e, "POST", "/v1/payment_intents/"+pi+"/confirm", testKey, "", nil); rec.Code != 400 || errorBody(t, rec).Message != returnURLRequired("Payment Intent") {
		t.Errorf("confirm without return_url: %d %s", rec.Code, rec.Body)
	}
	if got := answer(t, e, "POST", "/v1/payment_intents/"+pi+"/confirm", "return_url=https://shop.example/done")["status"]; got != "succeeded" {
		t.Errorf("confirm with return_url: %v", got)
	}
}

// stripe-go sees the refusal as Stripe's invalid_request_error.
func TestConfirmNeedsReturnURLStripeGo(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	_, err := c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(2000), Currency: stripe.String("usd"),
		PaymentMethod: stripe.String("pm_card_visa"), Confirm: stripe.Bool(true)})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Msg != returnURLRequired("Payment Intent") {
		t.Errorf("message %q", se.Msg)
	}
	pi, err := c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(2000), Currency: stripe.String("usd"),
		PaymentMethod: stripe.String("pm_card_visa"), Confirm: stripe.Bool(true), ReturnURL: stripe.String("https://shop.example/done")})
	if err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded || pi.CaptureMethod != "automatic_async" || pi.AutomaticPaymentMethods == nil || !pi.AutomaticPaymentMethods.Enabled {
		t.Errorf("with a return_url: %+v %v", pi, err)
	}
}

// paymentIntentsMade is how many PaymentIntents there are.
func paymentIntentsMade(t *testing.T, e *Emulator) int {
	t.Helper()
	l, _ := getList(t, e, "/v1/payment_intents?limit=100")
	return len(l.Data)
}
