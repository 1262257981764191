package emulator

import (
	"encoding/json"
	"slices"
	"testing"
)

// answer is a 200 answer's JSON.
func answer(t *testing.T, e *Emulator, method, path, body string) map[string]any {
	t.Helper()
	rec := do(t, e, method, path, testKey, body, nil)
	if rec.Code != 200 {
		t.Fatalf("%s %s %s: %d %s", method, path, body, rec.Code, rec.Body)
	}
	return decoded(t, rec)
}

func TestUpdateCustomer(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := answer(t, e, "POST", "/v1/customers", "email=old@example.com&description=first")
	id := cus["id"].(string)

	got := answer(t, e, "POST", "/v1/customers/"+id, "email=new@example.com&name=Jenny+Rosen&phone=%2B15555550100"+
		"&description=&address[line1]=1+Main+St&address[postal_code]=94107&address[country]=US")
	want := map[string]any{"email": "new@example.com", "name": "Jenny Rosen", "phone": "+15555550100", "description": nil}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	addr, _ := got["address"].(map[string]any)
	if addr["line1"] != "1 Main St" || addr["postal_code"] != "94107" || addr["country"] != "US" || addr["city"] != nil {
		t.Errorf("address: %v", got["address"])
	}
	if again := answer(t, e, "GET", "/v1/customers/"+id, ""); again["name"] != "Jenny Rosen" {
		t.Errorf("the update was not kept: %v", again)
	}
	if got := answer(t, e, "POST", "/v1/customers/"+id, "address="); got["address"] != nil {
		t.Errorf("address= left %v", got["address"])
	}
	if got := answer(t, e, "POST", "/v1/customers/"+id, "metadata[order]=42"); got["metadata"].(map[string]any)["order"] != "42" {
		t.Errorf("metadata: %v", got["metadata"])
	}

	// customer.updated names what changed, with its old values.
	evs := listed(t, e, "/v1/events?type=customer.updated")
	if len(evs) != 3 {
		t.Fatalf("customer.updated events: %v", types(evs))
	}
	prev := evs[2].Data.PreviousAttributes
	for k, v := range map[string]string{"email": `"old@example.com"`, "description": `"first"`, "name": "null", "address": "null"} {
		if string(prev[k]) != v {
			t.Errorf("previous_attributes[%s] = %s, want %s", k, prev[k], v)
		}
	}

	for _, tc := range []struct{ path, body, param string }{
		{"/v1/customers/cus_nope", "email=a@example.com", "id"},
		{"/v1/customers/" + id, "address[planet]=Mars", "address[planet]"},
		{"/v1/customers/" + id, "default_source=card_nope", "default_source"},
		{"/v1/customers/" + id, "source=tok_nope", "source"},
	} {
		rec := do(t, e, "POST", tc.path, testKey, tc.body, nil)
		if rec.Code/100 != 4 || errorBody(t, rec).Param != tc.param {
			t.Errorf("%s %s: %d %s, want a refusal naming %s", tc.path, tc.body, rec.Code, rec.Body, tc.param)
		}
	}
}

// source= on an update replaces the default source, as on Stripe.
func TestUpdateCustomerSourceReplacesDefault(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := answer(t, e, "POST", "/v1/customers", "source=tok_visa")
	id, old := cus["id"].(string), cus["default_source"].(string)
	got := answer(t, e, "POST", "/v1/customers/"+id, "source=tok_mastercard")
	if got["default_source"] == old || got["default_source"] == nil {
		t.Fatalf("default_source %v, was %s", got["default_source"], old)
	}
	src := answer(t, e, "GET", "/v1/customers/"+id+"/sources/"+got["default_source"].(string), "")
	if src["brand"] != "MasterCard" {
		t.Errorf("the new source: %v", src)
	}
	if evs := listed(t, e, "/v1/events?type=customer.source.created"); len(evs) != 2 {
		t.Errorf("customer.source.created events: %d, want 2", len(evs))
	}
}

// A deleted customer reads as Stripe's deleted_customer, is left out of
// lists, and cannot be used; customer.deleted shows it as it was.
func TestDeleteCustomer(t *testing.T) {
	e, _ := New(Options{Now: clock})
	id := answer(t, e, "POST", "/v1/customers", "source=tok_visa&email=jenny@example.com")["id"].(string)
	charge := answer(t, e, "POST", "/v1/charges", "amount=100&currency=usd&customer="+id)["id"].(string)
	gone := map[string]any{"id": id, "object": "customer", "deleted": true}
	if got := answer(t, e, "DELETE", "/v1/customers/"+id, ""); !mapsEqual(got, gone) {
		t.Errorf("DELETE: %v", got)
	}
	if got := answer(t, e, "GET", "/v1/customers/"+id, ""); !mapsEqual(got, gone) {
		t.Errorf("GET after DELETE: %v", got)
	}
	if got := answer(t, e, "GET", "/v1/customers", ""); len(got["data"].([]any)) != 0 {
		t.Errorf("listed after DELETE: %v", got["data"])
	}
	for _, r := range []struct{ method, path, body string }{
		{"DELETE", "/v1/customers/" + id, ""},
		{"POST", "/v1/customers/" + id, "email=a@example.com"},
		{"GET", "/v1/customers/" + id + "/sources", ""},
		{"POST", "/v1/charges", "amount=100&currency=usd&customer=" + id},
	} {
		rec := do(t, e, r.method, r.path, testKey, r.body, nil)
		if rec.Code/100 != 4 || errorBody(t, rec).Code != "resource_missing" {
			t.Errorf("%s %s after DELETE: %d %s", r.method, r.path, rec.Code, rec.Body)
		}
	}
	// Its charges expand it as its GET answers.
	if ch := answer(t, e, "GET", "/v1/charges/"+charge+"?expand[]=customer", ""); !mapsEqual(ch["customer"].(map[string]any), gone) {
		t.Errorf("a charge's deleted customer expanded: %v", ch["customer"])
	}
	evs := listed(t, e, "/v1/events?type=customer.*")
	if got := types(evs); !slices.Equal(got, []string{"customer.deleted", "customer.source.created", "customer.created"}) {
		t.Fatalf("events: %v", got)
	}
	var obj map[string]any
	json.Unmarshal(evs[0].Data.Object, &obj)
	if obj["email"] != "jenny@example.com" || obj["deleted"] != nil || evs[0].Data.PreviousAttributes != nil {
		t.Errorf("customer.deleted's object: %s", evs[0].Data.Object)
	}
}

func mapsEqual(a, b map[string]any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}
