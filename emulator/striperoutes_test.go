package emulator

import (
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stripe/stripe-mock/embedded"
)

// stripe_routes.txt is the spec's routes (UPDATE_GOLDEN=1 rewrites it
// from the spec stripe-mock embeds).
func TestStripeRoutesAreTheSpecs(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(embedded.OpenAPISpec, &doc); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for path, ops := range doc.Paths {
		for method := range ops {
			if m := strings.ToUpper(method); slices.Contains([]string{http.MethodGet, http.MethodPost, http.MethodDelete}, m) {
				lines = append(lines, m+" "+path+"\n")
			}
		}
	}
	slices.Sort(lines)
	want := strings.Join(lines, "")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile("stripe_routes.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if stripeRoutes != want {
		t.Errorf("stripe_routes.txt differs from the spec's %d routes (UPDATE_GOLDEN=1 rewrites it)", len(lines))
	}
}

// A route Stripe has and the emulator does not serve is a 404 in Stripe's
// error shape that says so; one Stripe does not have either is Stripe's
// "Unrecognized request URL".
func TestRoutesStripeHasTheEmulatorDoesNot(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, c := range []struct{ method, path, route string }{
		{"POST", "/v1/customers/cus_123/tax_ids", "POST /v1/customers/{customer}/tax_ids"},
		{"DELETE", "/v1/customers/cus_123/discount", "DELETE /v1/customers/{customer}/discount"},
		{"POST", "/v1/charges/ch_123/refunds", "POST /v1/charges/{charge}/refunds"},
		{"GET", "/v1/balance/history", "GET /v1/balance/history"},
		{"POST", "/v1/setup_intents/seti_123/verify_microdeposits", "POST /v1/setup_intents/{intent}/verify_microdeposits"},
		{"POST", "/v1/account_links", "POST /v1/account_links"},
		{"GET", "/v1/x", ""},
		{"DELETE", "/v1/tokens/tok_visa", ""},
		{"GET", "/v1/customers//sources", ""},
	} {
		rec := do(t, e, c.method, c.path, testKey, "", nil)
		got := errorBody(t, rec)
		want := "Unrecognized request URL (" + c.method + ": " + c.path + ")."
		if c.route != "" {
			want = c.route + " is a Stripe endpoint that the tokenscope emulator does not emulate"
		}
		if rec.Code != 404 || got.Type != "invalid_request_error" || !strings.HasPrefix(got.Message, want) {
			t.Errorf("%s %s: %d %+v, want 404 %q", c.method, c.path, rec.Code, got, want)
		}
	}
}
