package emulator

import (
	"encoding/json"
	"slices"
	"testing"
)

// optional are the fields of Stripe's objects that Stripe sends only in
// some cases (stripe-go's response structs mark them omitempty): a card's
// Connect-only fields, what only an expansion includes, a presentment
// currency. Every other field of the spec's schema is always sent, null
// when there is nothing to say.
var optional = map[string][]string{
	"charge":                      {"presentment_details", "radar_options", "refunds", "transfer"},
	"payment_method_details_card": {"capture_before"},
	"charge_outcome":              {"rule"},
	"customer": {"sources", "subscriptions", "tax", "tax_ids", "cash_balance", "invoice_credit_balance",
		"business_name", "individual_name", "customer_account"},
	"bank_account": {"account", "available_payout_methods", "default_for_currency", "future_requirements", "requirements"},
	"token":        {"bank_account", "card"},
}

// missingFields lists the fields of the spec's schema name that obj lacks
// and Stripe always sends.
func missingFields(t *testing.T, name string, obj any) []string {
	t.Helper()
	if err := loadSpec(); err != nil {
		t.Fatal(err)
	}
	ref := spec.doc.Components.Schemas[name]
	if ref == nil {
		t.Fatalf("no schema %s", name)
	}
	m, _ := obj.(map[string]any)
	var missing []string
	for p := range ref.Value.Properties {
		if _, ok := m[p]; !ok && !slices.Contains(optional[name], p) {
			missing = append(missing, name+"."+p)
		}
	}
	slices.Sort(missing)
	return missing
}

// TestObjectsCarryEveryField: the emulator's objects carry every field
// Stripe always sends, nested ones included.
func TestObjectsCarryEveryField(t *testing.T) {
	e, _ := New(Options{Now: clock})
	post := func(path, body string) map[string]any {
		t.Helper()
		rec := do(t, e, "POST", path, testKey, body, nil)
		var out map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		if rec.Code == 402 {
			ch := do(t, e, "GET", "/v1/charges/"+errorBody(t, rec).Charge, testKey, "", nil)
			json.Unmarshal(ch.Body.Bytes(), &out)
		}
		return out
	}
	field := func(obj map[string]any, path ...string) any {
		var v any = obj
		for _, p := range path {
			m, _ := v.(map[string]any)
			v = m[p]
		}
		return v
	}
	card := post("/v1/tokens", "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123")
	bank := post("/v1/tokens", "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789")
	cus := post("/v1/customers", "source=tok_visa&expand[]=sources")
	paid := post("/v1/charges", "amount=1000&currency=usd&source=tok_visa")
	failed := post("/v1/charges", "amount=1000&currency=usd&source=tok_chargeDeclined")

	var missing []string
	for _, c := range []struct {
		name string
		obj  any
	}{
		{"token", card}, {"card", card["card"]}, {"token", bank}, {"bank_account", bank["bank_account"]},
		{"customer", cus},
		{"charge", paid}, {"charge", failed},
		{"billing_details", paid["billing_details"]}, {"charge_outcome", paid["outcome"]},
		{"payment_method_details_card", field(paid, "payment_method_details", "card")},
		{"payment_method_details_card", field(failed, "payment_method_details", "card")},
	} {
		missing = append(missing, missingFields(t, c.name, c.obj)...)
	}
	if len(missing) > 0 {
		t.Errorf("fields Stripe always sends are missing: %v", missing)
	}
}
