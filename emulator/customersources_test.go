package emulator

import (
	"encoding/json"
	"slices"
	"testing"
)

// sourceIDs are the ids GET path lists.
func sourceIDs(t *testing.T, e *Emulator, path string) []string {
	t.Helper()
	return dataIDs(t, answer(t, e, "GET", path, ""))
}

func TestCustomerSources(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := answer(t, e, "POST", "/v1/customers", "source=tok_visa")
	id, visa := cus["id"].(string), cus["default_source"].(string)
	base := "/v1/customers/" + id

	mc := answer(t, e, "POST", base+"/sources", "source=tok_mastercard")
	amex := answer(t, e, "POST", base+"/sources", "source=tok_amex")["id"].(string)
	if mc["object"] != "card" || mc["customer"] != id || mc["brand"] != "MasterCard" {
		t.Fatalf("added source: %v", mc)
	}
	if got := answer(t, e, "GET", base, "")["default_source"]; got != visa {
		t.Errorf("adding a source changed default_source to %v", got)
	}
	if got, want := sourceIDs(t, e, base+"/sources"), []string{visa, amex, mc["id"].(string)}; !slices.Equal(got, want) {
		t.Errorf("sources %v, want %v (default first, then newest first)", got, want)
	}
	if got := sourceIDs(t, e, base+"/sources?limit=1&starting_after="+amex); !slices.Equal(got, []string{mc["id"].(string)}) {
		t.Errorf("starting_after: %v", got)
	}
	if got := sourceIDs(t, e, base+"/cards?ending_before="+amex); !slices.Equal(got, []string{visa}) {
		t.Errorf("ending_before: %v", got)
	}

	// A charge takes the default, or the source named.
	brand := func(body string) any {
		ch := answer(t, e, "POST", "/v1/charges", "amount=500&currency=usd&customer="+id+body)
		return ch["source"].(map[string]any)["brand"]
	}
	if got := brand("&source=" + amex); got != "American Express" {
		t.Errorf("charge on source=%s: %v", amex, got)
	}
	answer(t, e, "POST", base, "default_source="+mc["id"].(string))
	if got := brand(""); got != "MasterCard" {
		t.Errorf("charge after default_source=%s: %v", mc["id"], got)
	}

	// Deleting the default makes the most recently added other one the
	// default.
	gone := answer(t, e, "DELETE", base+"/sources/"+mc["id"].(string), "")
	if gone["id"] != mc["id"] || gone["object"] != "card" || gone["deleted"] != true {
		t.Errorf("DELETE answered %v", gone)
	}
	if got := answer(t, e, "GET", base, "")["default_source"]; got != amex {
		t.Errorf("default_source after deleting it: %v, want %s", got, amex)
	}
	if rec := do(t, e, "GET", base+"/sources/"+mc["id"].(string), testKey, "", nil); rec.Code != 404 {
		t.Errorf("GET of a deleted source: %d", rec.Code)
	}
	for _, r := range []struct{ method, path, body, param string }{
		{"DELETE", base + "/sources/" + mc["id"].(string), "", "id"},
		{"POST", base + "/sources", "", "source"},
		{"POST", base + "/sources", "source=tok_nope", "source"},
	} {
		if rec := do(t, e, r.method, r.path, testKey, r.body, nil); rec.Code/100 != 4 || errorBody(t, rec).Param != r.param {
			t.Errorf("%s %s %s: %d %s", r.method, r.path, r.body, rec.Code, rec.Body)
		}
	}

	var created, deleted []string
	for _, ev := range listed(t, e, "/v1/events?limit=100") {
		var obj struct{ ID string }
		json.Unmarshal(ev.Data.Object, &obj)
		switch ev.Type {
		case "customer.source.created":
			created = append(created, obj.ID)
		case "customer.source.deleted":
			deleted = append(deleted, obj.ID)
		}
	}
	if want := []string{amex, mc["id"].(string), visa}; !slices.Equal(created, want) {
		t.Errorf("customer.source.created for %v, want %v", created, want)
	}
	if !slices.Equal(deleted, []string{mc["id"].(string)}) {
		t.Errorf("customer.source.deleted for %v", deleted)
	}
}

// A bank account added beside a card is verified and debited by its id.
func TestAddedBankAccountVerifiesAndDebits(t *testing.T) {
	e, _ := New(Options{Now: clock})
	id := answer(t, e, "POST", "/v1/customers", "source=tok_visa")["id"].(string)
	btok := answer(t, e, "POST", "/v1/tokens", "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789")
	ba := answer(t, e, "POST", "/v1/customers/"+id+"/sources", "source="+btok["id"].(string))["id"].(string)
	if got := sourceIDs(t, e, "/v1/customers/"+id+"/bank_accounts"); !slices.Equal(got, []string{ba}) {
		t.Fatalf("bank accounts: %v", got)
	}
	if rec := do(t, e, "POST", "/v1/charges", testKey, "amount=500&currency=usd&customer="+id+"&source="+ba, nil); rec.Code != 400 ||
		errorBody(t, rec).Code != "bank_account_unverified" {
		t.Errorf("debit before verifying: %d %s", rec.Code, rec.Body)
	}
	if got := answer(t, e, "POST", "/v1/customers/"+id+"/sources/"+ba+"/verify", "amounts[]=32&amounts[]=45"); got["status"] != "verified" {
		t.Errorf("verify: %v", got)
	}
	if ch := answer(t, e, "POST", "/v1/charges", "amount=500&currency=usd&customer="+id+"&source="+ba); ch["status"] != "pending" {
		t.Errorf("ACH debit: %v", ch["status"])
	}
	var updated int
	for _, ev := range listed(t, e, "/v1/events?type=customer.source.updated") {
		if string(ev.Data.PreviousAttributes["status"]) == `"new"` {
			updated++
		}
	}
	if updated != 1 {
		t.Errorf("customer.source.updated with the old status: %d events", updated)
	}
}
