package emulator

import "testing"

// TestEmailValidated: an email Stripe would refuse is refused with its
// code and message, on every object that keeps one, and nothing is made.
func TestEmailValidated(t *testing.T) {
	e, _ := New(Options{Now: clock})
	acct := postOK(t, e, "/v1/accounts", "type=custom")["id"].(string)
	for _, c := range []struct{ path, body, param, value string }{
		{"/v1/customers", "email=a", "email", "a"},
		{"/v1/customers", "email=a&email=b", "email", "a"},
		{"/v1/customers", "email=jenny@", "email", "jenny@"},
		{"/v1/customers", "email=jenny@example", "email", "jenny@example"},
		{"/v1/customers", "email=je+nny@exa%20mple.com", "email", "je nny@exa mple.com"},
		{"/v1/accounts", "type=custom&email=nope", "email", "nope"},
		{"/v1/accounts/" + acct, "email=a@b@c.com", "email", "a@b@c.com"},
		{"/v1/accounts/" + acct + "/persons", "email=nope", "email", "nope"},
		{"/v1/payment_methods", "type=card&card[token]=tok_visa&billing_details[email]=nope", "billing_details[email]", "nope"},
	} {
		rec := do(t, e, "POST", c.path, testKey, c.body, nil)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Code != "email_invalid" || got.Param != c.param || got.Message != "Invalid email address: "+c.value {
			t.Errorf("%s %s: %d %s", c.path, c.body, rec.Code, rec.Body)
		}
	}
	if n := stored(e, customersColl); n != 0 {
		t.Errorf("%d customers made with invalid emails", n)
	}
	for _, ok := range []string{"jenny.rosen%2Bci@example.com", "a@b.co", "o'brien@example.ie"} {
		postOK(t, e, "/v1/customers", "email="+ok)
	}
}
