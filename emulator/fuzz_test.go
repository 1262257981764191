package emulator

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// FuzzRequests sends arbitrary form bodies to the POST endpoints: the
// emulator answers with Stripe's statuses and JSON, never a 5xx, and never
// echoes a card number, CVC or id number it was sent.
func FuzzRequests(f *testing.F) {
	for _, seed := range []struct {
		path uint8
		body string
	}{
		{0, "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123"},
		{0, "card[number]=4242424242424241&card[exp_month]=12&card[exp_year]=31"},
		{0, "card[number]=4111111111111111&card[exp_month]=1&card[exp_year]=2031&card[cvc]=9876"},
		{0, "card[number]=42&card[exp_month]=99&card[exp_year]=-1"},
		{0, "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789"},
		{0, "pii[id_number]=000000000"},
		{0, "account[business_type]=company"},
		{0, "card[number]=4242424242424242&pii[id_number]=1"},
		{0, "%zz"},
		{1, "source=tok_visa"},
		{2, "amount=1000&currency=usd&source=tok_chargeDeclined"},
		{2, "amount=9999999999999999999&currency=usd&source=tok_visa"},
		{2, "amount=100&currency=xxx&customer=cus_1"},
	} {
		f.Add(seed.path, seed.body)
	}
	e, err := New(Options{Now: clock})
	if err != nil {
		f.Fatal(err)
	}
	paths := []string{"/v1/tokens", "/v1/customers", "/v1/charges"}
	f.Fuzz(func(t *testing.T, path uint8, body string) {
		rec := do(t, e, "POST", paths[int(path)%len(paths)], testKey, body, nil)
		switch rec.Code {
		case 200, 400, 402:
		default:
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("invalid JSON for %q: %s", body, rec.Body)
		}
		form, _ := url.ParseQuery(body)
		for _, k := range []string{"card[number]", "card[cvc]", "pii[id_number]", "bank_account[account_number]"} {
			v := model.Digits(form.Get(k))
			if len(v) >= 5 && strings.Contains(rec.Body.String(), v) {
				t.Fatalf("%s echoed in %s", k, rec.Body)
			}
		}
	})
}
