package emulator

import (
	"strings"
	"testing"
)

// TestMessagesInStripesWords: amount and string-length refusals read as
// Stripe's do.
func TestMessagesInStripesWords(t *testing.T) {
	e, _ := New(Options{Now: clock})
	long := strings.Repeat("a", 5001)
	for _, c := range []struct{ path, body, code, param, msg string }{
		{"/v1/charges", "amount=20&currency=usd&source=tok_visa", "amount_too_small", "amount", "Amount must be at least $0.50 usd"},
		{"/v1/charges", "amount=20&currency=eur&source=tok_visa", "amount_too_small", "amount", "Amount must be at least €0.50 eur"},
		{"/v1/payment_intents", "amount=20&currency=jpy", "amount_too_small", "amount", "Amount must be at least 50 jpy"},
		{"/v1/charges", "amount=100000000&currency=usd&source=tok_visa", "amount_too_large", "amount", "Amount must be no more than $999,999.99"},
		{"/v1/payment_intents", "amount=0&currency=usd", "parameter_invalid_integer", "amount", "This value must be greater than or equal to 1."},
		{"/v1/customers", "description=" + long, "parameter_invalid_string", "description", "Invalid string: aaaaaaaaaaaaaaaaaaaa...; must be at most 5000 characters"},
	} {
		rec := do(t, e, "POST", c.path, testKey, c.body, nil)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Code != c.code || got.Param != c.param || got.Message != c.msg {
			t.Errorf("%s %.50s: %d %s %s %q, want %s %s %q", c.path, c.body, rec.Code, got.Code, got.Param, got.Message, c.code, c.param, c.msg)
		}
	}
	ch := postOK(t, e, "/v1/charges", "amount=99999999&currency=usd&source=tok_visa")["id"].(string)
	rec := do(t, e, "POST", "/v1/refunds", testKey, "charge="+ch+"&amount=100000000", nil)
	if got := errorBody(t, rec).Message; got != "Refund amount ($1,000,000.00) is greater than charge amount ($999,999.99)" {
		t.Errorf("refund: %q", got)
	}
}
