package model

import "testing"

// A customer's card and bank account are object kinds read under their
// customer; Stripe's codes that start with card_ are not cards.
func TestSourceKinds(t *testing.T) {
	for id, want := range map[string]bool{
		"card_1QxYz8Lk2mN3pQ4rS5tU6v": true, "ba_1QxYc3DeFgHiJkLmNoPqRsTu": true,
		"card_declined": false, "card_velocity_exceeded": false, "card_decline_rate_limit_exceeded": false,
	} {
		s, fe := ObjectKindOf(id, ParamTokenID)
		if got := fe == nil && s.Owner() == "customer"; got != want {
			t.Errorf("%s: read under a customer %v, want %v", id, got, want)
		}
	}
	s, _ := KindOfID("ba_1")
	if got := s.ObjectPath("ba_1", "cus_2"); got != "/v1/customers/cus_2/sources/ba_1" {
		t.Errorf("path %s", got)
	}
	if s, _ := KindOfID("person_1"); s.Owner() != "account" || s.ObjectPath("person_1", "acct_2") != "/v1/accounts/acct_2/persons/person_1" {
		t.Errorf("a person is read under its account: %s", s.ObjectPath("person_1", "acct_2"))
	}
	if s, _ := KindOfID("ch_1"); s.Owner() != "" || s.ObjectPath("ch_1", "") != "/v1/charges/ch_1" {
		t.Errorf("a charge is read by its id alone")
	}
}
