package emulator

import (
	"strings"
	"testing"
)

// TestEverydayParams: the customer and charge parameters CI suites send
// first are kept and returned (on the answer and on a later GET), and
// checked as Stripe checks them (capture=false: chargecapture_test.go).
func TestEverydayParams(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := postOK(t, e, "/v1/customers", "email=jane@example.com&name=Jane+Doe&phone=%2B15555550100&description=VIP"+
		"&address[line1]=1+Main+St&address[postal_code]=94107&address[country]=US")
	for _, got := range []map[string]any{cus, getOK(t, e, "/v1/customers/"+cus["id"].(string))} {
		addr, _ := got["address"].(map[string]any)
		if got["name"] != "Jane Doe" || got["phone"] != "+15555550100" || got["description"] != "VIP" ||
			addr["line1"] != "1 Main St" || addr["postal_code"] != "94107" || addr["country"] != "US" || addr["city"] != nil {
			t.Errorf("customer: name %v phone %v description %v address %v", got["name"], got["phone"], got["description"], got["address"])
		}
	}
	if got := postOK(t, e, "/v1/customers", "email=a@example.com")["address"]; got != nil {
		t.Errorf("a customer without an address has %v", got)
	}
	ch := postOK(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa&receipt_email=x@example.com&statement_descriptor_suffix=ORDER+42&capture=true")
	for _, got := range []map[string]any{ch, getOK(t, e, "/v1/charges/"+ch["id"].(string))} {
		if got["receipt_email"] != "x@example.com" || got["statement_descriptor_suffix"] != "ORDER 42" ||
			got["calculated_statement_descriptor"] != "TOKENSCOPE* ORDER 42" || got["captured"] != true {
			t.Errorf("charge: %v %v %v", got["receipt_email"], got["statement_descriptor_suffix"], got["calculated_statement_descriptor"])
		}
	}
	if got := postOK(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa&statement_descriptor=ACME+HATS"); got["statement_descriptor"] != "ACME HATS" || got["calculated_statement_descriptor"] != "ACME HATS" {
		t.Errorf("statement_descriptor: %v / %v", got["statement_descriptor"], got["calculated_statement_descriptor"])
	}
	for _, c := range []struct{ body, param, msg string }{
		{"capture=maybe", "capture", "Invalid boolean: maybe"},
		{"statement_descriptor=" + strings.Repeat("A", 23), "statement_descriptor", "Invalid string: AAAAAAAAAAAAAAAAAAAA...; must be at most 22 characters"},
		{"receipt_email=nope", "receipt_email", "Invalid email address: nope"},
	} {
		rec := do(t, e, "POST", "/v1/charges", testKey, "amount=1000&currency=usd&source=tok_visa&"+c.body, nil)
		if got := errorBody(t, rec); rec.Code != 400 || got.Param != c.param || !strings.HasPrefix(got.Message, c.msg) {
			t.Errorf("%s: %d %s", c.body, rec.Code, rec.Body)
		}
	}
}
