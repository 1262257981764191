package emulator

import (
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// TestPaymentParamsKept: what PaymentMethods, PaymentIntents and webhook
// endpoints take is returned, on the answer and on a later GET; what the
// emulator cannot model is refused by name.
func TestPaymentParamsKept(t *testing.T) {
	e, _ := New(Options{Now: clock})
	pm := postOK(t, e, "/v1/payment_methods", "type=card&card[token]=tok_visa&billing_details[name]=Q&billing_details[email]=q@example.com"+
		"&billing_details[phone]=%2B15555550100&billing_details[address][postal_code]=94107&billing_details[address][country]=US")
	for _, got := range []map[string]any{pm, getOK(t, e, "/v1/payment_methods/"+pm["id"].(string))} {
		bd := got["billing_details"].(map[string]any)
		addr := bd["address"].(map[string]any)
		if bd["email"] != "q@example.com" || bd["name"] != "Q" || bd["phone"] != "+15555550100" || addr["postal_code"] != "94107" || addr["country"] != "US" {
			t.Errorf("billing_details: %v", bd)
		}
	}
	pi := postOK(t, e, "/v1/payment_intents", "amount=1000&currency=usd&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never")
	for _, got := range []map[string]any{pi, getOK(t, e, "/v1/payment_intents/"+pi["id"].(string))} {
		apm, _ := got["automatic_payment_methods"].(map[string]any)
		if apm["enabled"] != true || apm["allow_redirects"] != "never" {
			t.Errorf("automatic_payment_methods: %v", got["automatic_payment_methods"])
		}
	}
	we := postOK(t, e, "/v1/webhook_endpoints", "url=http://127.0.0.1:9/hook&enabled_events[]=*&api_version=2024-06-20")
	if got := getOK(t, e, "/v1/webhook_endpoints/"+we["id"].(string)); got["api_version"] != "2024-06-20" || we["api_version"] != "2024-06-20" {
		t.Errorf("api_version: %v, then %v", we["api_version"], got["api_version"])
	}
	for _, c := range []struct{ body, param string }{
		{"payment_method_types[]=sepa_debit", "payment_method_types[0]"},
		{"payment_method_types[]=card&automatic_payment_methods[enabled]=true", "automatic_payment_methods"},
		{"automatic_payment_methods[allow_redirects]=sometimes&automatic_payment_methods[enabled]=true", "automatic_payment_methods[allow_redirects]"},
	} {
		rec := do(t, e, "POST", "/v1/payment_intents", testKey, "amount=1000&currency=usd&"+c.body, nil)
		if got := errorBody(t, rec); rec.Code != 400 || got.Param != c.param {
			t.Errorf("%s: %d %s", c.body, rec.Code, rec.Body)
		}
	}
	if got := postOK(t, e, "/v1/payment_intents", "amount=1000&currency=usd&payment_method_types[]=card")["payment_method_types"].([]any); len(got) != 1 || got[0] != "card" {
		t.Errorf("payment_method_types: %v", got)
	}
}

// TestPaymentMethodFromRawCard: stripe-go's PaymentMethod with the card's
// number, expiry and CVC is made as Stripe's test mode makes it, and
// pays; the CVC is checked.
func TestPaymentMethodFromRawCard(t *testing.T) {
	e, _ := New(Options{Now: clock})
	sc := newClient(newSpecServer(t, e), testKey)
	pm, err := sc.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{
		Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Number: stripe.String("4242424242424242"),
			ExpMonth: stripe.Int64(12), ExpYear: stripe.Int64(int64(fixedNow.Year() + 2)), CVC: stripe.String("123")},
		BillingDetails: &stripe.PaymentMethodCreateBillingDetailsParams{Email: stripe.String("jenny@example.com")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if pm.Card.Last4 != "4242" || pm.Card.Checks.CVCCheck != "unchecked" || pm.BillingDetails.Email != "jenny@example.com" {
		t.Errorf("PaymentMethod from a raw card: last4 %s cvc_check %s email %s", pm.Card.Last4, pm.Card.Checks.CVCCheck, pm.BillingDetails.Email)
	}
	pi, err := sc.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"),
		PaymentMethod: stripe.String(pm.ID), Confirm: stripe.Bool(true), PaymentMethodTypes: stripe.StringSlice([]string{"card"})})
	if err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded {
		t.Fatalf("paying with it: %v %v", pi, err)
	}
	_, err = sc.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{
		Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Number: stripe.String("4242424242424242"),
			ExpMonth: stripe.Int64(12), ExpYear: stripe.Int64(int64(fixedNow.Year() + 2)), CVC: stripe.String("12")},
	})
	stripeErr(t, err, 402, stripe.ErrorTypeCard, "invalid_cvc")
}
