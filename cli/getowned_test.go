package cli

import (
	"regexp"
	"strings"
	"testing"
)

// get opens a customer's card and bank account (card_, ba_), which are
// read under their customer: found through the state's record of the
// token attached to the customer, or, once the state has forgotten it,
// among the API's customers; and an account's person (person_), under
// the account the state's account token made.
func TestGetSources(t *testing.T) {
	s := newSandbox(t)
	for _, tc := range []struct {
		kind, preset, prefix, label, last4 string
	}{
		{"card", "visa", "card_", "card", "4242"},
		{"bank", "bank_ok", "ba_", "bank account", "6789"},
	} {
		tok := s.create(tc.kind, tc.preset)
		cus := useObject(t, s.ok("use", tok, "--customer", "--json").out)
		src := regexp.MustCompile(tc.prefix + `[A-Za-z0-9]+`).FindString(s.ok("get", tok, "--json").out)
		if src == "" {
			t.Fatalf("token %s names no %s", tok, tc.prefix)
		}
		r := s.ok("get", src)
		if !strings.Contains(r.out, tc.label+" "+src) || !strings.Contains(r.out, cus) || !strings.Contains(r.out, "•••• "+tc.last4) {
			t.Errorf("get %s:\n%s", src, r.out)
		}
		if r := s.ok("get", src, "--json"); !strings.Contains(r.out, `"customer": "`+cus+`"`) && !strings.Contains(r.out, `"customer":"`+cus+`"`) {
			t.Errorf("get %s --json:\n%s", src, r.out)
		}
		s.ok("state", "rm", tok)
		if r := s.ok("get", src); !strings.Contains(r.out, cus) {
			t.Errorf("get %s once the state forgot its token:\n%s", src, r.out)
		}
	}
	ct := token(t, s.ok("create", "account", "--business-type", "individual", "--first-name", "Jenny", "--last-name", "Rosen", "--json").out).ID
	acct := useObject(t, s.ok("use", ct, "--account", "--json").out)
	person := regexp.MustCompile(`person_[A-Za-z0-9]+`).FindString(s.ok("get", acct, "--json").out)
	if person == "" {
		t.Fatalf("account %s names no person", acct)
	}
	if r := s.ok("get", person); !strings.Contains(r.out, "person "+person) || !strings.Contains(r.out, acct) || !strings.Contains(r.out, "Jenny") {
		t.Errorf("get %s:\n%s", person, r.out)
	}
	if r := s.ok("get", "--help"); !strings.Contains(r.out, "ba_, card_, person_") {
		t.Errorf("get --help:\n%s", r.out)
	}
	r := s.expect(1, "get", "ba_nope")
	if !strings.Contains(r.errOut, "resource_missing") || !strings.Contains(r.errOut, "ba_nope") {
		t.Errorf("get ba_nope:\n%s", r.errOut)
	}
}
