package emulator

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// What CI suites put in stored fields (millisecond times, snowflake and
// order ids, each passing the Luhn check) is taken and kept as sent;
// each of these was refused as a card number before.
func TestIdsAndTimesAreNoCardNumbers(t *testing.T) {
	e, _ := New(Options{Dir: t.TempDir(), Now: clock})
	for _, body := range []string{
		"email=" + url.QueryEscape("ci+1796497432122@example.com"),
		"metadata[user_id]=1081986547129810948",
		"metadata[order_id]=1234567890123452",
		"description=" + url.QueryEscape("Order #1081986547129810948"),
		"metadata[ref]=ord_4242424242424242",
		"address[line1]=" + url.QueryEscape("17964974321224 Main St"),
		"metadata[digits]=" + strings.Repeat("5", 70),
	} {
		rec := do(t, e, "POST", "/v1/customers", testKey, body, nil)
		if rec.Code != 200 {
			t.Errorf("%s: %d %s", body, rec.Code, rec.Body)
			continue
		}
		v, _ := url.ParseQuery(body)
		for _, sent := range v {
			if !strings.Contains(rec.Body.String(), strings.ReplaceAll(sent[0], "+", `\u002b`)) && !strings.Contains(rec.Body.String(), sent[0]) {
				t.Errorf("%s: not kept as sent: %s", body, rec.Body)
			}
		}
	}
}

// Stripe's test cards in a stored field are still refused, solid or
// grouped, the message naming the last 4 and the way out.
func TestCardNumbersInTextRefused(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for body, last4 := range map[string]string{
		"metadata[n]=4242424242424242":                           "4242",
		"description=" + url.QueryEscape("5555 5555 5555 4444"):  "4444",
		"address[line1]=378282246310005":                         "0005",
		"email=" + url.QueryEscape("3782-822463-10005@x.com"):    "0005",
		"name=" + url.QueryEscape("card 4242424242424242 12/30"): "4242",
	} {
		rec := do(t, e, "POST", "/v1/customers", testKey, body, nil)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Code != "parameter_invalid_string" || !strings.Contains(got.Message, "(ending "+last4+")") ||
			!strings.Contains(got.Message, "--allow-card-numbers-in-text") || strings.Contains(rec.Body.String(), "4242424242") {
			t.Errorf("%s: %d %s", body, rec.Code, rec.Body)
		}
	}
	if n := stored(e, customersColl); n != 0 {
		t.Errorf("%d customers stored", n)
	}
}

// With AllowCardNumbersInText such a number is taken, kept on disk and
// sent back; a secret key is still never stored.
func TestAllowCardNumbersInText(t *testing.T) {
	dir := t.TempDir()
	e, _ := New(Options{Dir: dir, Now: clock, AllowCardNumbersInText: true})
	rec := do(t, e, "POST", "/v1/customers", testKey, "metadata[order_id]=4242424242424242&description="+url.QueryEscape("5555 5555 5555 4444"), nil)
	if rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var cus struct {
		ID          string
		Description string
		Metadata    map[string]string
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &cus)
	if cus.Metadata["order_id"] != "4242424242424242" || cus.Description != "5555 5555 5555 4444" {
		t.Errorf("not kept as sent: %s", rec.Body)
	}
	again, _ := New(Options{Dir: dir, Now: clock, AllowCardNumbersInText: true})
	if got := do(t, again, "GET", "/v1/customers/"+cus.ID, testKey, "", nil); !strings.Contains(got.Body.String(), "4242424242424242") {
		t.Errorf("after a restart: %d %s", got.Code, got.Body)
	}
	key := "sk_test_" + "abcdefghijklmnop"
	if rec := do(t, e, "POST", "/v1/customers", testKey, "description="+key, nil); rec.Code != 400 || strings.Contains(rec.Body.String(), key) {
		t.Errorf("a key in a description: %d %s", rec.Code, rec.Body)
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "emulator-*"))
	for _, f := range logs {
		if b, _ := os.ReadFile(f); strings.Contains(string(b), key) {
			t.Errorf("%s holds the key", f)
		}
	}
}
