package cli

import (
	"strings"
	"testing"
)

// A company's account refuses an id number with a Stripe code, and the
// refusal leaves the PII token unused: it still works on an individual's
// account. A company account's detail has no empty individual row.
func TestIDNumberForACompanyLeavesThePIITokenUnused(t *testing.T) {
	s := newSandbox(t)
	ct := token(t, s.ok("create", "account", "--business-type", "company", "--json").out).ID
	r := s.ok("use", ct, "--account")
	company := strings.Fields(strings.TrimPrefix(r.out, "made account "))[0]
	pii := s.create("pii", "id_match")
	if r := s.expect(1, "use", pii, "--id-number-for", company); !strings.Contains(r.errOut, "account_information_mismatch") ||
		strings.Contains(r.errOut, "param names it") {
		t.Errorf("id number for a company:\n%s", r.errOut)
	}
	if r := s.ok("get", pii); strings.Contains(r.out, "● used") {
		t.Errorf("the refused use left the PII token used:\n%s", r.out)
	}
	ind := token(t, s.ok("create", "account", "--business-type", "individual", "--first-name", "Jenny", "--json").out).ID
	individual := strings.Fields(strings.TrimPrefix(s.ok("use", ind, "--account").out, "made account "))[0]
	s.ok("use", pii, "--id-number-for", individual)
	if r := s.expect(1, "use", pii, "--id-number-for", individual); !strings.Contains(r.errOut, "tokenscope create pii") || strings.Contains(r.errOut, "visa") {
		t.Errorf("a PII token used twice is told to make a card:\n%s", r.errOut)
	}
	if r := s.ok("get", company); strings.Contains(r.out, "individual") {
		t.Errorf("a company's account shows an individual row:\n%s", r.out)
	}
}

// A PII token is no charge: refused before anything is sent, with advice
// for its own kind, and the token stays unused.
func TestPIITokenChargeRefusedLocally(t *testing.T) {
	s := newSandbox(t)
	pii := s.create("pii", "id_match")
	r := s.expect(2, "use", pii, "--charge", "1000")
	if !strings.Contains(r.errOut, "token_use_unsupported") || strings.Contains(r.errOut, "request id") {
		t.Errorf("PII token charged:\n%s", r.errOut)
	}
	if r := s.ok("get", pii); strings.Contains(r.out, "● used") {
		t.Errorf("the refused charge used the token:\n%s", r.out)
	}
}
