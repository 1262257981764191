package emulator

import (
	"encoding/json"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// No expansion is accepted and dropped: every field expandable lists is
// answered expanded (an object, a list), or null or left out where the
// object has nothing for it, never left an id, and a list shown only
// expanded is shown. Each object the emulator
// renders is fetched with each of its fields expanded, on objects that set
// as many of them as the emulator sets.
func TestNoExpansionIsDropped(t *testing.T) {
	var later time.Duration // a failing refund fails once it is past
	e, _ := New(Options{Now: func() time.Time { return fixedNow.Add(later) }})
	post := func(path, body string) map[string]any {
		t.Helper()
		return postOK(t, e, path, body)
	}
	cus := post("/v1/customers", "source=tok_visa")["id"].(string)
	pi := post("/v1/payment_intents", "amount=5000&currency=usd&payment_method_types[]=card&payment_method=pm_card_createDispute&confirm=true&customer="+cus)
	ch := pi["latest_charge"].(string)
	paid := post("/v1/payment_intents", "amount=5000&currency=usd&payment_method_types[]=card&payment_method=pm_card_visa&confirm=true&customer="+cus)
	re := post("/v1/refunds", "payment_intent="+paid["id"].(string)+"&amount=100")["id"].(string)
	failing := post("/v1/payment_intents", "amount=5000&currency=usd&payment_method_types[]=card&payment_method=pm_card_refundFail&confirm=true")
	failed := post("/v1/refunds", "payment_intent="+failing["id"].(string))["id"].(string)
	later = refundSettleDelay + time.Second
	disputes := getOK(t, e, "/v1/disputes?charge="+ch)["data"].([]any)
	if len(disputes) != 1 {
		t.Fatalf("%d disputes", len(disputes))
	}
	seti := post("/v1/setup_intents", "payment_method_types[]=card&payment_method=pm_card_visa&confirm=true&customer="+cus)["id"].(string)
	acct := post("/v1/accounts", "type=custom&business_type=company")["id"].(string)
	if fb, _ := getOK(t, e, "/v1/refunds/"+failed+"?expand[]=failure_balance_transaction")["failure_balance_transaction"].(map[string]any); fb["object"] != "balance_transaction" {
		t.Errorf("a failed refund's failure_balance_transaction: %v", fb)
	}
	bt := getOK(t, e, "/v1/charges/"+ch)["balance_transaction"].(string)
	paths := map[string][]string{
		"customer":            {"/v1/customers/" + cus},
		"charge":              {"/v1/charges/" + ch},
		"payment_intent":      {"/v1/payment_intents/" + pi["id"].(string)},
		"refund":              {"/v1/refunds/" + re, "/v1/refunds/" + failed},
		"dispute":             {"/v1/disputes/" + disputes[0].(map[string]any)["id"].(string)},
		"setup_intent":        {"/v1/setup_intents/" + seti},
		"account":             {"/v1/accounts/" + acct},
		"balance_transaction": {"/v1/balance_transactions/" + bt},
	}
	for typ, urls := range paths {
		for _, f := range slices.Sorted(maps.Keys(expandable[typ])) {
			kind := expandable[typ][f]
			if kind == nested || kind == sealed || strings.HasPrefix(kind, nested+":") {
				continue
			}
			for _, u := range urls {
				rec := do(t, e, "GET", u+"?expand[]="+url.QueryEscape(f), testKey, "", nil)
				if rec.Code == 400 {
					continue // refused by name: not dropped
				}
				var obj map[string]json.RawMessage
				json.Unmarshal(rec.Body.Bytes(), &obj)
				v, present := obj[f]
				// Left out is Stripe's answer for a field the object
				// has no value for (a refund's payment_method), not for
				// a list shown only expanded.
				if !present && strings.HasPrefix(kind, "list:") || len(v) > 0 && v[0] == '"' {
					t.Errorf("%s?expand[]=%s: %d, the field is %s", u, f, rec.Code, orAbsent(v, present))
				}
			}
		}
	}
}

func orAbsent(v json.RawMessage, present bool) string {
	if !present {
		return "absent"
	}
	return string(v)
}

// A customer's subscriptions and tax ids, expanded, are the empty lists
// Stripe shows a customer without any (the emulator makes neither), in a
// list's data too; a failed refund's failure_balance_transaction expands.
func TestExpandEmptyCustomerLists(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := postOK(t, e, "/v1/customers", "")["id"].(string)
	one := getOK(t, e, "/v1/customers/"+cus+"?expand[]=subscriptions&expand[]=tax_ids")
	listed := getOK(t, e, "/v1/customers?expand[]=data.subscriptions&expand[]=data.tax_ids")["data"].([]any)[0].(map[string]any)
	for _, got := range []map[string]any{one, listed} {
		for _, f := range []string{"subscriptions", "tax_ids"} {
			l, _ := got[f].(map[string]any)
			if l == nil || l["object"] != "list" || len(l["data"].([]any)) != 0 || l["url"] != "/v1/customers/"+cus+"/"+f || l["has_more"] != false {
				t.Errorf("%s: %v", f, got[f])
			}
		}
	}
	if plain := getOK(t, e, "/v1/customers/"+cus); plain["subscriptions"] != nil || plain["tax_ids"] != nil {
		t.Errorf("shown unexpanded: %v", plain)
	}
}
