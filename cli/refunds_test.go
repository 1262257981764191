package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// useObject is the object a use --json made.
func useObject(t *testing.T, out string) string {
	t.Helper()
	var u useJSON
	if err := json.Unmarshal([]byte(out), &u); err != nil || u.Use.ObjectID == "" {
		t.Fatalf("use --json: %v\n%s", err, out)
	}
	return u.Use.ObjectID
}

// A charge is refunded in part, then in full; more than remains and a
// second full refund are refused with Stripe's codes (exit 1).
func TestRefundPartThenAll(t *testing.T) {
	s := newSandbox(t)
	ch := useObject(t, s.ok("use", s.create("card", "visa"), "--charge", "1000", "--json").out)

	r := s.ok("refund", ch, "--amount", "400")
	if !strings.Contains(r.out, "refunded "+ch+" 4.00 usd: re_") || !strings.Contains(r.out, "(succeeded)") {
		t.Errorf("partial refund:\n%s", r.out)
	}
	r = s.expect(1, "refund", ch, "--amount", "700")
	if !strings.Contains(r.errOut, "amount_too_large") || !strings.Contains(r.errOut, "($7.00) is greater than unrefunded amount on charge ($6.00)") {
		t.Errorf("refund of too much:\n%s", r.errOut)
	}
	var re struct {
		ID     string `json:"id"`
		Amount int64  `json:"amount"`
		Charge string `json:"charge"`
	}
	if err := json.Unmarshal([]byte(s.ok("refund", ch, "--json").out), &re); err != nil || re.Amount != 600 || re.Charge != ch {
		t.Errorf("refund of the rest --json: %+v %v", re, err)
	}
	r = s.expect(1, "refund", ch)
	if !strings.Contains(r.errOut, "charge_already_refunded") || !strings.Contains(r.errOut, "why") {
		t.Errorf("second full refund:\n%s", r.errOut)
	}
	s.expect(2, "refund", ch, "--amount", "0")
	if r := s.expect(2, "refund", "4242424242424242"); strings.Contains(r.all(), "4242424242424242") {
		t.Errorf("a card number given as a charge is echoed:\n%s", r.all())
	}
}

// A bank token on a customer is verified with 32 and 45, then debited:
// pending at first. Wrong amounts are Stripe's 402.
func TestVerifyThenDebit(t *testing.T) {
	s := newSandbox(t)
	out := s.ok("create", "bank", "--preset", "bank_ok", "--json").out
	var tok struct {
		ID   string `json:"id"`
		Bank struct {
			ID string `json:"id"`
		} `json:"bank_account"`
	}
	if err := json.Unmarshal([]byte(out), &tok); err != nil {
		t.Fatal(err)
	}
	cus := useObject(t, s.ok("use", tok.ID, "--customer", "--json").out)

	if r := s.expect(1, "use", cus, "--charge", "1500"); !strings.Contains(r.errOut, "bank_account_unverified") {
		t.Errorf("debit before verifying:\n%s", r.errOut)
	}
	if r := s.expect(1, "verify", cus, tok.Bank.ID, "--amounts", "32,46"); !strings.Contains(r.errOut, "bank_account_verification_failed") {
		t.Errorf("wrong amounts:\n%s", r.errOut)
	}
	s.expect(2, "verify", cus, tok.Bank.ID, "--amounts", "32")
	// Without --amounts, the deposits test mode sends (32 and 45), as a
	// scenario's verify {} step.
	if r := s.ok("verify", cus, tok.Bank.ID); !strings.Contains(r.out, "verified "+tok.Bank.ID+" of "+cus+" (status verified)") {
		t.Errorf("verify:\n%s", r.out)
	}
	r := s.ok("use", cus, "--charge", "1500")
	if !strings.Contains(r.out, "charged "+cus+" 15.00 usd: py_") || !strings.Contains(r.out, "(pending)") {
		t.Errorf("debit:\n%s", r.out)
	}
}

// An account token makes an account; a PII token gives it its id number;
// a token used twice is token_already_used.
func TestUseForConnect(t *testing.T) {
	s := newSandbox(t)
	ct := token(t, s.ok("create", "account", "--business-type", "individual", "--first-name", "Jenny", "--json").out).ID
	r := s.ok("use", ct, "--account")
	acct := strings.Fields(strings.TrimPrefix(r.out, "made account "))[0]
	if !strings.HasPrefix(acct, "acct_") || !strings.Contains(r.out, ct+" is now ● used") {
		t.Fatalf("use --account:\n%s", r.out)
	}
	pii := s.create("pii", "id_match")
	if r := s.ok("use", pii, "--id-number-for", acct); !strings.Contains(r.out, "gave "+pii+" as the id number of "+acct) {
		t.Errorf("use --id-number-for:\n%s", r.out)
	}
	if r := s.expect(1, "use", pii, "--id-number-for", acct); !strings.Contains(r.errOut, "token_already_used") {
		t.Errorf("second use of the PII token:\n%s", r.errOut)
	}
	if r := s.expect(2, "use", pii, "--id-number-for", "cus_nope"); !strings.Contains(r.errOut, "account id starts with acct_") {
		t.Errorf("id number for a non-account:\n%s", r.errOut)
	}
	if r := s.ok("use", s.create("pii", "id_match"), "--id-number-for", acct, "--dry-run"); !strings.Contains(r.out, "POST /v1/accounts/"+acct) {
		t.Errorf("dry run:\n%s", r.out)
	}
}
