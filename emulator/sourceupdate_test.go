package emulator

import (
	"testing"
)

// stripe-node's customers.updateSource: a card's expiry, name, address
// and metadata change, its GET and the customer's list show it, and a
// customer.source.updated event says so.
func TestUpdateCardSource(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := postOK(t, e, "/v1/customers", "source=tok_visa")
	id, card := cus["id"].(string), cus["default_source"].(string)
	path := "/v1/customers/" + id + "/sources/" + card
	got := postOK(t, e, path, "exp_month=3&exp_year=34&name=Jenny+Rosen&address_line1=1+Main+St&address_zip=94107&metadata[k]=v")
	for field, want := range map[string]any{"exp_month": 3.0, "exp_year": 2034.0, "name": "Jenny Rosen", "address_line1": "1 Main St",
		"address_zip": "94107", "id": card, "object": "card"} {
		if got[field] != want {
			t.Errorf("%s = %v, want %v", field, got[field], want)
		}
	}
	postOK(t, e, path, "metadata[j]=w&name=")
	again := getOK(t, e, path)
	if md := again["metadata"].(map[string]any); md["k"] != "v" || md["j"] != "w" || again["name"] != nil || again["exp_month"] != 3.0 {
		t.Errorf("after a second update: %v", again)
	}
	list := getOK(t, e, "/v1/customers/"+id+"/sources")["data"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["exp_year"] != 2034.0 {
		t.Errorf("the list: %v", list)
	}
	evs := getOK(t, e, "/v1/events?type=customer.source.updated")["data"].([]any)
	if len(evs) != 2 {
		t.Fatalf("%d customer.source.updated events, want 2", len(evs))
	}
	obj := evs[1].(map[string]any)["data"].(map[string]any)["object"].(map[string]any)
	if obj["id"] != card || obj["exp_month"] != 3.0 {
		t.Errorf("the event's card: %v", obj)
	}
}

// A refused update changes nothing, with Stripe's errors.
func TestUpdateSourceRefusals(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := postOK(t, e, "/v1/customers", "source=tok_visa")
	id, card := cus["id"].(string), cus["default_source"].(string)
	btok := postOK(t, e, "/v1/tokens", "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789")
	bank := postOK(t, e, "/v1/customers/"+id+"/sources", "source="+btok["id"].(string))["id"].(string)
	for _, c := range []struct {
		path, body  string
		status      int
		code, param string
	}{
		{"/sources/" + card, "exp_month=13&name=Changed", 402, "invalid_expiry_month", "exp_month"},
		{"/sources/" + card, "exp_year=2001", 402, "invalid_expiry_year", "exp_year"},
		{"/sources/" + card, "account_holder_name=Jo", 400, "parameter_unknown", "account_holder_name"},
		{"/sources/" + bank, "exp_month=3", 400, "parameter_unknown", "exp_month"},
		{"/sources/" + bank, "account_holder_type=pet", 400, "", "account_holder_type"},
		{"/sources/card_nope", "name=Jo", 404, "resource_missing", "id"},
	} {
		rec := do(t, e, "POST", "/v1/customers/"+id+c.path, testKey, c.body, nil)
		got := errorBody(t, rec)
		if rec.Code != c.status || got.Code != c.code || got.Param != c.param {
			t.Errorf("%s %s: %d %s", c.path, c.body, rec.Code, rec.Body)
		}
	}
	if got := getOK(t, e, "/v1/customers/"+id+"/sources/"+card); got["name"] != nil || got["exp_month"] == 13.0 {
		t.Errorf("a refused update changed the card: %v", got)
	}
	b := postOK(t, e, "/v1/customers/"+id+"/sources/"+bank, "account_holder_name=Jo&account_holder_type=company")
	if b["account_holder_name"] != "Jo" || b["account_holder_type"] != "company" {
		t.Errorf("the bank account: %v", b)
	}
}

// stripe-node's customers.retrievePaymentMethod: one of the customer's
// PaymentMethods, none of another's.
func TestRetrieveCustomerPaymentMethod(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := postOK(t, e, "/v1/customers", "")["id"].(string)
	other := postOK(t, e, "/v1/customers", "")["id"].(string)
	pm := postOK(t, e, "/v1/payment_methods", "type=card&card[token]=tok_visa")["id"].(string)
	if rec := do(t, e, "GET", "/v1/customers/"+cus+"/payment_methods/"+pm, testKey, "", nil); rec.Code != 404 {
		t.Errorf("not attached: %d %s", rec.Code, rec.Body)
	}
	postOK(t, e, "/v1/payment_methods/"+pm+"/attach", "customer="+cus)
	if got := getOK(t, e, "/v1/customers/"+cus+"/payment_methods/"+pm+"?expand[]=customer"); got["id"] != pm || got["customer"].(map[string]any)["id"] != cus {
		t.Errorf("the customer's: %v", got)
	}
	card := postOK(t, e, "/v1/customers/"+cus+"/sources", "source=tok_visa")["id"].(string)
	if got := getOK(t, e, "/v1/customers/"+cus+"/payment_methods/"+card); got["id"] != card || got["object"] != "payment_method" || got["customer"] != cus {
		t.Errorf("the customer's card: %v", got)
	}
	for path, param := range map[string]string{
		"/v1/customers/" + other + "/payment_methods/" + card: "payment_method",
		"/v1/customers/" + other + "/payment_methods/" + pm:   "payment_method",
		"/v1/customers/cus_nope/payment_methods/" + pm:        "customer",
	} {
		rec := do(t, e, "GET", path, testKey, "", nil)
		if got := errorBody(t, rec); rec.Code != 404 || got.Code != "resource_missing" || got.Param != param {
			t.Errorf("%s: %d %s", path, rec.Code, rec.Body)
		}
	}
}
