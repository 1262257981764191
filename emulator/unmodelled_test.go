package emulator

import (
	"strings"
	"testing"
)

// A parameter Stripe's spec documents for the endpoint, which the
// emulator does not model, is refused as such (parameter_not_modelled,
// naming it); a name Stripe does not know either keeps Stripe's typo
// refusal.
func TestParamsStripeKnowsTheEmulatorDoesNotModel(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, c := range []struct{ method, path, body, code, param string }{
		{"POST", "/v1/customers", "test_clock=clock_1", codeNotModelled, "test_clock"},
		{"POST", "/v1/customers", "invoice_settings[custom_fields][0][name]=a", codeNotModelled, "invoice_settings[custom_fields][0][name]"},
		{"POST", "/v1/customers", "tax_id_data[0][type]=eu_vat", codeNotModelled, "tax_id_data[0][type]"},
		{"POST", "/v1/charges", "amount=100&currency=usd&source=tok_visa&radar_options[session]=x", codeNotModelled, "radar_options[session]"},
		{"POST", "/v1/payment_intents", "amount=100&currency=usd&transfer_group=g", codeNotModelled, "transfer_group"},
		{"POST", "/v1/payment_intents", "amount=100&currency=usd&payment_method_options[card][installments][enabled]=true", codeNotModelled, "payment_method_options[card][installments][enabled]"},
		// Typos: Stripe does not know them either.
		{"POST", "/v1/customers", "frobnicate=1", "parameter_unknown", "frobnicate"},
		{"POST", "/v1/customers", "invoice_settings[fotter]=a", "parameter_unknown", "invoice_settings[fotter]"},
		{"POST", "/v1/payment_intents", "amount=100&currency=usd&payment_method_options[card][request_three_d_secur]=any", "parameter_unknown", "payment_method_options[card][request_three_d_secur]"},
		{"POST", "/v1/customers", "test_clock[x]=1", "parameter_unknown", "test_clock[x]"},
		{"GET", "/v1/charges?transfer_grop=g", "", "parameter_unknown", "transfer_grop"},
	} {
		rec := do(t, e, c.method, c.path, testKey, c.body, nil)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Type != "invalid_request_error" || got.Code != c.code || got.Param != c.param {
			t.Errorf("%s %s %s: %d %+v, want %s on %s", c.method, c.path, c.body, rec.Code, got, c.code, c.param)
			continue
		}
		want := "Received unknown parameter: " + c.param
		if c.code == codeNotModelled {
			want = c.param + " is a Stripe parameter that the tokenscope emulator does not model (yet)."
		}
		if !strings.HasPrefix(got.Message, want) || (c.code == codeNotModelled && got.DocURL != "") {
			t.Errorf("%s %s: %q (doc_url %q), want %q", c.method, c.body, got.Message, got.DocURL, want)
		}
	}
}
