package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

const testPK = "pk_test_emulator0000000000000000000001"

// keysOf is the top-level fields of a JSON object, and fails t on
// anything else.
func keysOf(t *testing.T, body []byte) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return m
}

// The browser half of a payment, as Stripe.js makes it with a
// publishable key: the server makes the PaymentIntent, the device
// retrieves it with its client_secret, makes a PaymentMethod and
// confirms. A publishable key sees neither metadata nor what Stripe keeps
// for the secret key (customer, latest_charge).
func TestPublishableKeyPaysWithClientSecret(t *testing.T) {
	e, srv := newServer(t, "")
	sk, pk := newClient(srv.URL, testKey), newClient(srv.URL, testPK)
	cus, err := sk.V1Customers.Create(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	pi, err := sk.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1999),
		Currency: stripe.String("usd"), Customer: stripe.String(cus.ID), Description: stripe.String("order 12"),
		Metadata: map[string]string{"order": "12"}, PaymentMethodTypes: []*string{stripe.String("card")}})
	if err != nil {
		t.Fatal(err)
	}

	got, err := pk.V1PaymentIntents.Retrieve(ctx, pi.ID, &stripe.PaymentIntentRetrieveParams{ClientSecret: stripe.String(pi.ClientSecret)})
	if err != nil {
		t.Fatal(err)
	}
	if got.Amount != 1999 || got.ClientSecret != pi.ClientSecret || got.Description != "order 12" || got.Status != pi.Status {
		t.Errorf("retrieved with the publishable key: %+v", got)
	}
	rec := do(t, e, http.MethodGet, "/v1/payment_intents/"+pi.ID+"?client_secret="+url.QueryEscape(pi.ClientSecret), testPK, "", nil)
	fields := keysOf(t, rec.Body.Bytes())
	for _, hidden := range []string{"metadata", "customer", "latest_charge", "amount_received", "payment_method_options"} {
		if _, ok := fields[hidden]; ok {
			t.Errorf("a publishable key sees %s: %s", hidden, rec.Body)
		}
	}
	for _, shown := range []string{"id", "object", "amount", "currency", "client_secret", "status", "next_action", "payment_method"} {
		if _, ok := fields[shown]; !ok {
			t.Errorf("a publishable key does not see %s: %s", shown, rec.Body)
		}
	}

	pm, err := pk.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String("tok_visa")}, Metadata: map[string]string{"device": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	if pm.Metadata != nil {
		t.Errorf("a publishable key sees the PaymentMethod's metadata: %v", pm.Metadata)
	}
	if full, err := sk.V1PaymentMethods.Retrieve(ctx, pm.ID, nil); err != nil || full.Metadata["device"] != "1" {
		t.Errorf("the secret key's PaymentMethod: %+v %v", full, err)
	}
	cp := &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.String(pm.ID)}
	cp.AddExtra(paramClientSecret, pi.ClientSecret)
	done, err := pk.V1PaymentIntents.Confirm(ctx, pi.ID, cp)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != stripe.PaymentIntentStatusSucceeded || done.Customer != nil || done.Metadata != nil {
		t.Errorf("confirmed with the publishable key: status %s, customer %v, metadata %v", done.Status, done.Customer, done.Metadata)
	}
	if full, err := sk.V1PaymentIntents.Retrieve(ctx, pi.ID, nil); err != nil || full.Metadata["order"] != "12" || full.LatestCharge == nil {
		t.Errorf("the secret key's PaymentIntent: %+v %v", full, err)
	}
}

// A SetupIntent likewise: retrieved and confirmed with its client_secret.
func TestPublishableKeySetsUpWithClientSecret(t *testing.T) {
	e, srv := newServer(t, "")
	sk, pk := newClient(srv.URL, testKey), newClient(srv.URL, testPK)
	si, err := sk.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Metadata: map[string]string{"plan": "pro"},
		PaymentMethodTypes: []*string{stripe.String("card")}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := pk.V1SetupIntents.Retrieve(ctx, si.ID, &stripe.SetupIntentRetrieveParams{ClientSecret: stripe.String(si.ClientSecret)})
	if err != nil || got.ClientSecret != si.ClientSecret || got.Metadata != nil || got.Usage != "off_session" {
		t.Fatalf("retrieved with the publishable key: %+v %v", got, err)
	}
	cp := &stripe.SetupIntentConfirmParams{PaymentMethod: stripe.String("pm_card_visa")}
	cp.AddExtra(paramClientSecret, si.ClientSecret)
	if got, err = pk.V1SetupIntents.Confirm(ctx, si.ID, cp); err != nil || got.Status != stripe.SetupIntentStatusSucceeded {
		t.Fatalf("confirmed with the publishable key: %+v %v", got, err)
	}
	rec := do(t, e, http.MethodPost, "/v1/setup_intents/"+si.ID+"/confirm", testPK, "client_secret="+url.QueryEscape(si.ID+"_secret_nope"), nil)
	if b := errorBody(t, rec); rec.Code != 400 || b.Code != "setup_intent_invalid_parameter" || b.Param != paramClientSecret ||
		b.Message != "The client_secret provided does not match the client_secret associated with the SetupIntent." {
		t.Errorf("a wrong client_secret: %d %+v", rec.Code, b)
	}
}

// A publishable key must name the intent's client_secret, and may call
// nothing else: Stripe's refusals, live keys refused as before.
func TestPublishableKeyRefusals(t *testing.T) {
	e, srv := newServer(t, "")
	sk, pk := newClient(srv.URL, testKey), newClient(srv.URL, testPK)
	pi, err := sk.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000),
		Currency: stripe.String("usd"), PaymentMethodTypes: []*string{stripe.String("card")}})
	if err != nil {
		t.Fatal(err)
	}
	path := "/v1/payment_intents/" + pi.ID
	_, err = pk.V1PaymentIntents.Retrieve(ctx, pi.ID, nil)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "parameter_missing"); se.Param != paramClientSecret {
		t.Errorf("no client_secret: param %q", se.Param)
	}
	for _, wrong := range []string{pi.ID + "_secret_x", "", strings.Replace(pi.ClientSecret, "_secret_", "_secret_a", 1)} {
		_, err = pk.V1PaymentIntents.Retrieve(ctx, pi.ID, &stripe.PaymentIntentRetrieveParams{ClientSecret: stripe.String(wrong)})
		se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "payment_intent_invalid_parameter")
		if se.Param != paramClientSecret || se.Msg != "The client_secret provided does not match the client_secret associated with the PaymentIntent." {
			t.Errorf("client_secret %q: %s %s", wrong, se.Param, se.Msg)
		}
	}

	for _, r := range []struct{ method, path, body string }{
		{"GET", "/v1/customers", ""},
		{"POST", "/v1/payment_intents", "amount=1000&currency=usd"},
		{"POST", path, "description=x&client_secret=" + url.QueryEscape(pi.ClientSecret)},
		{"POST", path + "/cancel", "client_secret=" + url.QueryEscape(pi.ClientSecret)},
		{"GET", "/v1/payment_methods/pm_card_visa", ""},
		{"GET", "/v1/payment_intents", ""},
	} {
		rec := do(t, e, r.method, r.path, testPK, r.body, nil)
		if b := errorBody(t, rec); rec.Code != 401 || !strings.HasPrefix(b.Message, "This API call cannot be made with a publishable API key.") {
			t.Errorf("%s %s: %d %+v", r.method, r.path, rec.Code, b)
		}
	}
	rec := do(t, e, "POST", "/v1/payment_methods", testPK, "type=card&card[token]=tok_visa&customer=cus_x", nil)
	if b := errorBody(t, rec); rec.Code != 400 || b.Param != "customer" {
		t.Errorf("a publishable key attaching: %d %+v", rec.Code, b)
	}

	live := "pk_" + "live_emulator0000000000000000001"
	rec = do(t, e, "GET", path+"?client_secret="+url.QueryEscape(pi.ClientSecret), live, "", nil)
	if b := errorBody(t, rec); rec.Code != 401 || !strings.HasPrefix(b.Message, "Invalid API Key provided: pk_live_****0001") {
		t.Errorf("a live publishable key: %d %+v", rec.Code, b)
	}

	manual, err := sk.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000),
		Currency: stripe.String("usd"), PaymentMethodTypes: []*string{stripe.String("card")},
		ConfirmationMethod: stripe.String("manual"), PaymentMethod: stripe.String("pm_card_visa")})
	if err != nil {
		t.Fatal(err)
	}
	rec = do(t, e, "POST", "/v1/payment_intents/"+manual.ID+"/confirm", testPK, "client_secret="+url.QueryEscape(manual.ClientSecret), nil)
	if b := errorBody(t, rec); rec.Code != 400 || !strings.Contains(b.Message, "cannot be confirmed using your publishable key") {
		t.Errorf("a manual PaymentIntent confirmed with a publishable key: %d %+v", rec.Code, b)
	}
}

// With a secret key a retrieve takes the client_secret too (checked); a
// confirm does not, as Stripe answers a server that sends it.
func TestSecretKeyAndClientSecret(t *testing.T) {
	e, srv := newServer(t, "")
	sk := newClient(srv.URL, testKey)
	pi, err := sk.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000),
		Currency: stripe.String("usd"), PaymentMethodTypes: []*string{stripe.String("card")},
		Metadata: map[string]string{"order": "12"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := sk.V1PaymentIntents.Retrieve(ctx, pi.ID, &stripe.PaymentIntentRetrieveParams{ClientSecret: stripe.String(pi.ClientSecret)})
	if err != nil || got.Metadata["order"] != "12" {
		t.Fatalf("retrieved with the secret key and client_secret: %+v %v", got, err)
	}
	_, err = sk.V1PaymentIntents.Retrieve(ctx, pi.ID, &stripe.PaymentIntentRetrieveParams{ClientSecret: stripe.String(pi.ID + "_secret_x")})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "payment_intent_invalid_parameter")
	rec := do(t, e, "POST", "/v1/payment_intents/"+pi.ID+"/confirm", testKey,
		"payment_method=pm_card_visa&client_secret="+url.QueryEscape(pi.ClientSecret), nil)
	if b := errorBody(t, rec); rec.Code != 400 || b.Code != "parameter_unknown" || b.Message != "Received unknown parameter: client_secret" {
		t.Errorf("a confirm with the secret key and client_secret: %d %+v", rec.Code, b)
	}
}

// A decline confirmed with a publishable key carries the PaymentIntent
// as that key sees it.
func TestPublishableKeyDecline(t *testing.T) {
	_, srv := newServer(t, "")
	sk, pk := newClient(srv.URL, testKey), newClient(srv.URL, testPK)
	pi, err := sk.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000),
		Currency: stripe.String("usd"), PaymentMethodTypes: []*string{stripe.String("card")},
		Metadata: map[string]string{"order": "12"}})
	if err != nil {
		t.Fatal(err)
	}
	cp := &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.String("pm_card_visa_chargeDeclined")}
	cp.AddExtra(paramClientSecret, pi.ClientSecret)
	_, err = pk.V1PaymentIntents.Confirm(ctx, pi.ID, cp)
	se := stripeErr(t, err, 402, stripe.ErrorTypeCard, "card_declined")
	if se.PaymentIntent == nil || se.PaymentIntent.ID != pi.ID || se.PaymentIntent.Metadata != nil || se.PaymentIntent.LatestCharge != nil {
		t.Errorf("the decline's PaymentIntent: %+v", se.PaymentIntent)
	}
}
