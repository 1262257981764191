package emulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// postOK posts body to path and decodes the 200 answer.
func postOK(t *testing.T, e *Emulator, path, body string) map[string]any {
	t.Helper()
	rec := do(t, e, "POST", path, testKey, body, nil)
	if rec.Code != 200 {
		t.Fatalf("POST %s %s: %d %s", path, body, rec.Code, rec.Body)
	}
	return decoded(t, rec)
}

func decoded(t *testing.T, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("%s: %v", rec.Body, err)
	}
	return m
}

// getOK reads path and decodes the 200 answer.
func getOK(t *testing.T, e *Emulator, path string) map[string]any {
	t.Helper()
	rec := do(t, e, "GET", path, testKey, "", nil)
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
	}
	return decoded(t, rec)
}

func wantMetadata(t *testing.T, what string, obj map[string]any, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	m, ok := obj["metadata"].(map[string]any)
	if !ok {
		t.Fatalf("%s: metadata is %#v, not an object", what, obj["metadata"])
	}
	for k, v := range m {
		got[k] = fmt.Sprint(v)
	}
	if !maps.Equal(got, want) {
		t.Errorf("%s: metadata %v, want %v", what, got, want)
	}
}

// TestMetadataKeptOnEveryObject sets metadata on every object that takes
// it and reads it back, in the answer and on a later GET: none is dropped.
func TestMetadataKeptOnEveryObject(t *testing.T) {
	e, _ := New(Options{Now: clock})
	const md = "metadata[order]=42&metadata[note]=a+hat"
	want := map[string]string{"order": "42", "note": "a hat"}
	ch := postOK(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa")["id"].(string)
	acct := postOK(t, e, "/v1/accounts", "type=custom&business_type=company")["id"].(string)
	dch := postOK(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_createDispute")["id"].(string)
	dus := getOK(t, e, "/v1/disputes?charge="+dch)["data"].([]any)
	if len(dus) != 1 {
		t.Fatalf("no dispute on %s", dch)
	}
	du := dus[0].(map[string]any)["id"].(string)
	for _, c := range []struct{ path, body, get string }{
		{"/v1/customers", "email=jenny@example.com", "/v1/customers/"},
		{"/v1/charges", "amount=1000&currency=usd&source=tok_visa", "/v1/charges/"},
		{"/v1/payment_intents", "amount=1000&currency=usd", "/v1/payment_intents/"},
		{"/v1/payment_intents", "amount=1000&currency=usd&payment_method_types[]=card&payment_method=pm_card_visa&confirm=true", "/v1/payment_intents/"},
		{"/v1/payment_methods", "type=card&card[token]=tok_visa", "/v1/payment_methods/"},
		{"/v1/refunds", "charge=" + ch + "&amount=100", "/v1/refunds/"},
		{"/v1/accounts", "type=custom&business_type=individual", "/v1/accounts/"},
		{"/v1/accounts/" + acct, "email=jenny@example.com", "/v1/accounts/"},
		{"/v1/accounts/" + acct + "/persons", "first_name=Jenny", "/v1/accounts/" + acct + "/persons/"},
		{"/v1/disputes/" + du, "submit=false", "/v1/disputes/"},
		{"/v1/webhook_endpoints", "url=http://127.0.0.1:9/hook&enabled_events[]=*", "/v1/webhook_endpoints/"},
	} {
		obj := postOK(t, e, c.path, c.body+"&"+md)
		wantMetadata(t, "POST "+c.path, obj, want)
		wantMetadata(t, "GET "+c.get, getOK(t, e, c.get+obj["id"].(string)), want)
	}
}

// TestMetadataUpdate: an update merges keys, an empty value unsets one,
// metadata="" unsets them all.
func TestMetadataUpdate(t *testing.T) {
	e, _ := New(Options{Now: clock})
	acct := postOK(t, e, "/v1/accounts", "type=custom&metadata[a]=1&metadata[b]=2")["id"].(string)
	path := "/v1/accounts/" + acct
	wantMetadata(t, "merge", postOK(t, e, path, "metadata[c]=3"), map[string]string{"a": "1", "b": "2", "c": "3"})
	wantMetadata(t, "unset one", postOK(t, e, path, "metadata[a]="), map[string]string{"b": "2", "c": "3"})
	wantMetadata(t, "unset all", postOK(t, e, path, "metadata="), map[string]string{})
	wantMetadata(t, "read back", getOK(t, e, path), map[string]string{})
}

// TestMetadataLimits: Stripe's limits, refused with Stripe's messages and
// nothing made.
func TestMetadataLimits(t *testing.T) {
	e, _ := New(Options{Now: clock})
	var many []string
	for i := range 51 {
		many = append(many, fmt.Sprintf("metadata[k%d]=v", i))
	}
	for _, c := range []struct{ body, param, msg string }{
		{strings.Join(many, "&"), "metadata", "Metadata can have up to 50 keys, but you've set 51."},
		{"metadata[" + strings.Repeat("k", 41) + "]=v", "metadata", "Metadata keys can have up to 40 characters, but you passed in a key that is 41 characters. Invalid key: " + strings.Repeat("k", 41)},
		{"metadata[k]=" + strings.Repeat("v", 501), "metadata", "Metadata values can have up to 500 characters, but you passed in a value that is 501 characters. Invalid value: " + strings.Repeat("v", 501)},
		{"metadata[a][b]=v", "metadata[a][b]", "Invalid value type for metadata[a]: metadata values must be strings."},
		{"metadata[]=v", "metadata[]", "Invalid metadata key in metadata[]: metadata takes metadata[key]=value, with a key of 1 to 40 characters."},
		{"metadata=v", "metadata", "Invalid hash: metadata takes metadata[key]=value pairs, or an empty string to unset them all."},
	} {
		rec := do(t, e, "POST", "/v1/customers", testKey, "email=j@example.com&"+c.body, nil)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Param != c.param || got.Message != c.msg {
			t.Errorf("%.60s: %d param %q %q, want 400 %q %q", c.body, rec.Code, got.Param, got.Message, c.param, c.msg)
		}
	}
	if n := stored(e, customersColl); n != 0 {
		t.Errorf("%d customers made by refused requests", n)
	}
	var fifty []string
	for i := range 50 {
		fifty = append(fifty, fmt.Sprintf("metadata[%s]=%s", strings.Repeat("k", 38)+fmt.Sprint(i%10)+fmt.Sprint(i/10), strings.Repeat("v", 500)))
	}
	if len(postOK(t, e, "/v1/customers", strings.Join(fifty, "&"))["metadata"].(map[string]any)) != 50 {
		t.Error("50 keys of 40 characters with values of 500 were not all kept")
	}
}

// TestStripeGoMetadataRoundTrip sets metadata with stripe-go on a
// customer, a charge and a PaymentIntent, and reads it back.
func TestStripeGoMetadataRoundTrip(t *testing.T) {
	e, _ := New(Options{Now: clock})
	sc := newClient(newSpecServer(t, e), testKey)
	want := map[string]string{"order_id": "6735", "plan": "gold"}
	cp := &stripe.CustomerCreateParams{Email: stripe.String("jenny@example.com"), Metadata: want}
	cus, err := sc.V1Customers.Create(ctx, cp)
	if err != nil {
		t.Fatal(err)
	}
	cus, err = sc.V1Customers.Retrieve(ctx, cus.ID, nil)
	if err != nil || !maps.Equal(cus.Metadata, want) {
		t.Errorf("customer: %v %v", cus.Metadata, err)
	}
	chp := chargeWith("tok_visa")
	chp.AddMetadata("order_id", "6735")
	chp.AddMetadata("plan", "gold")
	ch, err := sc.V1Charges.Create(ctx, chp)
	if err != nil {
		t.Fatal(err)
	}
	ch, err = sc.V1Charges.Retrieve(ctx, ch.ID, nil)
	if err != nil || !maps.Equal(ch.Metadata, want) {
		t.Errorf("charge: %v %v", ch.Metadata, err)
	}
	pi, err := sc.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{
		Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Metadata: want,
	})
	if err != nil {
		t.Fatal(err)
	}
	pi, err = sc.V1PaymentIntents.Retrieve(ctx, pi.ID, nil)
	if err != nil || !maps.Equal(pi.Metadata, want) {
		t.Errorf("PaymentIntent: %v %v", pi.Metadata, err)
	}
}
