package emulator

import (
	"testing"
)

// TestAccountFieldsKept: what an account and a person take is returned,
// on the answer and on a later GET; a sub-key the emulator does not keep
// is refused by name, not accepted and dropped.
func TestAccountFieldsKept(t *testing.T) {
	e, _ := New(Options{Now: clock})
	a := postOK(t, e, "/v1/accounts", "type=custom&country=US&business_type=company&company[name]=Acme&company[tax_id]=000000000"+
		"&company[address][city]=Springfield&business_profile[url]=https://acme.example&tos_acceptance[date]=1700000000"+
		"&tos_acceptance[ip]=1.2.3.4&capabilities[transfers][requested]=true&metadata[a]=b")
	for _, got := range []map[string]any{a, getOK(t, e, "/v1/accounts/"+a["id"].(string))} {
		company, _ := got["company"].(map[string]any)
		addr, _ := company["address"].(map[string]any)
		profile, _ := got["business_profile"].(map[string]any)
		tos, _ := got["tos_acceptance"].(map[string]any)
		caps, _ := got["capabilities"].(map[string]any)
		if company["name"] != "Acme" || company["tax_id_provided"] != true || addr["city"] != "Springfield" ||
			profile["url"] != "https://acme.example" || tos["date"] != 1700000000.0 || tos["ip"] != "1.2.3.4" ||
			caps["transfers"] != "inactive" {
			t.Errorf("account lost what it was given: company %v profile %v tos %v capabilities %v", company, profile, tos, caps)
		}
		if _, kept := company["tax_id"]; kept {
			t.Errorf("the tax id is sent back: %v", company)
		}
	}
	acct := a["id"].(string)
	upd := postOK(t, e, "/v1/accounts/"+acct, "capabilities[transfers][requested]=false&company[name]=Acme+Inc")
	caps, _ := upd["capabilities"].(map[string]any)
	if company, _ := upd["company"].(map[string]any); len(caps) != 0 || company["name"] != "Acme Inc" {
		t.Errorf("update: capabilities %v company %v", caps, upd["company"])
	}
	for _, bad := range []string{"company[bogus]=1", "individual[bogus]=1", "business_profile[annual_revenue][amount]=1", "tos_acceptance[date]=soon"} {
		rec := do(t, e, "POST", "/v1/accounts", testKey, "type=custom&"+bad, nil)
		if rec.Code != 400 {
			t.Errorf("%s: %d %s", bad, rec.Code, rec.Body)
		}
	}
	p := postOK(t, e, "/v1/accounts/"+acct+"/persons", "first_name=Z&email=z@example.com&relationship[representative]=true&relationship[title]=CEO&relationship[percent_ownership]=12.5&metadata[a]=b")
	got := getOK(t, e, "/v1/accounts/"+acct+"/persons/"+p["id"].(string))
	rel, _ := got["relationship"].(map[string]any)
	if rel["representative"] != true || rel["title"] != "CEO" || rel["percent_ownership"] != 12.5 || rel["owner"] != false || got["email"] != "z@example.com" {
		t.Errorf("person: relationship %v email %v", rel, got["email"])
	}
	ind := postOK(t, e, "/v1/accounts", "type=custom&business_type=individual&individual[email]=i@example.com")
	if individual, _ := ind["individual"].(map[string]any); individual["email"] != "i@example.com" {
		t.Errorf("individual[email] dropped: %v", ind["individual"])
	}
}

// A kept sub-key of the wrong kind is refused as every parameter of that
// kind is: an integer's error carries parameter_invalid_integer, as at
// Stripe.
func TestAccountFieldsRefuseAWrongKind(t *testing.T) {
	e, _ := New(Options{Now: clock})
	acct := postOK(t, e, "/v1/accounts", "type=custom&country=US&business_type=company")["id"].(string)
	for _, tc := range []struct{ path, body, code, param, message string }{
		{"/v1/accounts", "type=custom&tos_acceptance[date]=soon", "parameter_invalid_integer", "tos_acceptance[date]", "Invalid integer: soon"},
		{"/v1/accounts/" + acct + "/persons", "relationship[owner]=maybe", "", "relationship[owner]", "Invalid boolean: maybe"},
		{"/v1/accounts/" + acct + "/persons", "relationship[percent_ownership]=half", "", "relationship[percent_ownership]", "Invalid decimal: half"},
	} {
		rec := do(t, e, "POST", tc.path, testKey, tc.body, nil)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Code != tc.code || got.Param != tc.param || got.Message != tc.message {
			t.Errorf("%s: %d %+v", tc.body, rec.Code, got)
		}
	}
}
