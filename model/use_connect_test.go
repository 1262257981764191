package model

import "testing"

// Where an id number goes is read from the id a user gives: an account,
// or a person whose account may be found later; a malformed id is refused
// naming the field it was read as, before anything goes into a path.
func TestIDNumberFor(t *testing.T) {
	for _, tc := range []struct {
		id, account, person, param string
	}{
		{"acct_1Qx", "acct_1Qx", "", ""},
		{"person_1Qx", "", "person_1Qx", ""},
		{"person_1Q/../x", "", "person_1Q/../x", "person"},
		{"cus_1Qx", "cus_1Qx", "", "account"},
		{"", "", "", "account"},
	} {
		req := UseRequest{TokenID: "pii_1Qx", Kind: UseIDNumber}
		req.IDNumberFor(tc.id)
		if req.Account != tc.account || req.Person != tc.person {
			t.Errorf("%q: account %q person %q", tc.id, req.Account, req.Person)
		}
		switch fe := ValidateIDNumberFor(tc.id); {
		case fe == nil && tc.param != "":
			t.Errorf("%q: accepted, want refused naming %s", tc.id, tc.param)
		case fe != nil && (fe.Param != tc.param || fe.Code == ""):
			t.Errorf("%q: refused as %s %s, want %q", tc.id, fe.Param, fe.Code, tc.param)
		}
	}
	// With its account found, a person's use sends both, checked.
	req := UseRequest{TokenID: "pii_1Qx", Kind: UseIDNumber, Person: "person_1Qx", Account: "ba_1"}
	if fe := validateUse(req); fe == nil || fe.Param != "account" {
		t.Errorf("a person under a bank account: %v", fe)
	}
	req.Account = "acct_1Qx"
	if ch := PlanUse("pii", req); ch.Request != "POST /v1/accounts/acct_1Qx/persons/person_1Qx" || ch.Address != "person.pii" {
		t.Errorf("plan: %s %s", ch.Address, ch.Request)
	}
}
