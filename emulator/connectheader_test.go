package emulator

import (
	"encoding/json"
	"strings"
	"testing"
)

// A request with Stripe-Account is never made on the platform: an
// unknown account is refused as Stripe refuses it, an account of the
// emulator's by name, and nothing is written either way.
func TestStripeAccountHeaderRefused(t *testing.T) {
	e, _ := New(Options{Now: clock})
	acct := do(t, e, "POST", "/v1/accounts", testKey, "type=custom&business_type=company", nil)
	var a struct{ ID string }
	if err := json.Unmarshal(acct.Body.Bytes(), &a); err != nil || a.ID == "" {
		t.Fatalf("account: %s", acct.Body)
	}
	charges := stored(e, "charges")
	for _, tc := range []struct {
		acct   string
		status int
		code   string
		says   string
	}{
		{"acct_nope", 403, "account_invalid", "The provided key 'sk_test_****0001' does not have access to account 'acct_nope' (or that account does not exist). Application access may have been revoked."},
		{"", 403, "account_invalid", "does not have access to account ''"},
		{a.ID, 400, "", a.ID + " is a connected account of this emulator, but the offline emulator does not act as connected accounts"},
	} {
		hdr := map[string]string{"Stripe-Account": tc.acct}
		for _, req := range []struct{ method, path, body string }{
			{"POST", "/v1/charges", "amount=1000&currency=usd&source=tok_visa"},
			{"GET", "/v1/customers?limit=1", ""},
		} {
			rec := do(t, e, req.method, req.path, testKey, req.body, hdr)
			got := errorBody(t, rec)
			if rec.Code != tc.status || got.Type != "invalid_request_error" || got.Code != tc.code || !strings.Contains(got.Message, tc.says) {
				t.Errorf("%s %s as %q: %d %+v", req.method, req.path, tc.acct, rec.Code, got)
			}
		}
	}
	if n := stored(e, "charges"); n != charges {
		t.Errorf("%d charges made on the platform", n-charges)
	}
	if rec := do(t, e, "GET", "/v1/customers?limit=1", testKey, "", nil); rec.Code != 200 {
		t.Errorf("without the header: %d %s", rec.Code, rec.Body)
	}
}
