package emulator

import (
	"regexp"
	"strings"
	"testing"
)

// Every route of Stripe's is either served by the endpoint of its shape
// or answered with the 404 that names it: no endpoint answers a route of
// Stripe's as another (GET /v1/customers/search is no customer named
// "search", whose GET would refuse search's query as unknown).
func TestEveryStripeRouteIsItsOwn(t *testing.T) {
	e, _ := New(Options{Now: clock})
	param := regexp.MustCompile(`\{[^}]*\}`)
	for line := range strings.Lines(stripeRoutes) {
		method, route, _ := strings.Cut(strings.TrimSpace(line), " ")
		shape := param.ReplaceAllString(strings.TrimPrefix(route, "/v1/"), "{}")
		if servesShape(method, shape) {
			continue
		}
		path := param.ReplaceAllString(route, "id_123")
		rec := do(t, e, method, path, testKey, "", nil)
		want := method + " " + route + " is a Stripe endpoint that the tokenscope emulator does not emulate"
		if got := errorBody(t, rec); rec.Code != 404 || !strings.HasPrefix(got.Message, want) {
			t.Errorf("%s %s: %d %q, want 404 %q", method, path, rec.Code, got.Message, want)
		}
	}
	// A route of Stripe's the emulator serves is its own, not the id
	// route's: search takes query, which GET /v1/customers/{} would refuse.
	rec := do(t, e, "GET", "/v1/customers/search?query=email:'a@example.com'", testKey, "", nil)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"object":"search_result"`) {
		t.Errorf("search with a query: %d %s", rec.Code, rec.Body)
	}
	// A route with a fixed segment where the emulator's takes an id
	// shadows it.
	eps := []endpoint{{method: "GET", path: "customers/{}"}, {method: "GET", path: "customers"}}
	got := shadowsOf(eps, "GET /v1/customers/search\nGET /v1/customers/{customer}\nPOST /v1/customers/search\n")
	if len(got[0]) != 1 || strings.Join(got[0][0], "/") != "customers/search" || len(got[1]) != 0 {
		t.Errorf("shadows %q", got)
	}
}

func servesShape(method, shape string) bool {
	for _, ep := range endpoints {
		if ep.method == method && ep.path == shape {
			return true
		}
	}
	return false
}
