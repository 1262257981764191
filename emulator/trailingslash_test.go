package emulator

import (
	"strings"
	"testing"
)

// A trailing slash is Stripe's 404 telling the two likely mistakes apart,
// never the claim that the route without it is not emulated.
func TestTrailingSlashIsStripes404(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, c := range []struct{ method, path string }{
		{"GET", "/v1/customers/"},
		{"POST", "/v1/customers/"},
		{"GET", "/v1/customers/cus_1/sources/"},
		{"GET", "/v1/subscriptions/"}, // a Stripe route the emulator does not serve
	} {
		rec := do(t, e, c.method, c.path, testKey, "", nil)
		got := errorBody(t, rec)
		want := "Unrecognized request URL (" + c.method + ": " + c.path + "). If you are trying to list objects, remove the trailing slash. " +
			"If you are trying to retrieve an object, make sure you passed a valid (non-empty) identifier in your code."
		if rec.Code != 404 || got.Type != "invalid_request_error" || !strings.HasPrefix(got.Message, want) {
			t.Errorf("%s %s: %d %q", c.method, c.path, rec.Code, got.Message)
		}
	}
}
