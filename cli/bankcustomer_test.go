package cli

import (
	"regexp"
	"testing"
)

// Attaching a bank token to a customer names the bank account it became
// and the command that verifies it, which then works as printed.
func TestBankCustomerNamesItsNextStep(t *testing.T) {
	s := newSandbox(t)
	out := s.ok("use", s.create("bank", "bank_ok"), "--customer").out
	m := regexp.MustCompile(`bank account +(ba_\w+) \(new, unverified\)\n +next +tokenscope verify (cus_\w+) (ba_\w+)`).FindStringSubmatch(out)
	if m == nil || m[1] != m[3] {
		t.Fatalf("no bank account and next step:\n%s", out)
	}
	s.ok("verify", m[2], m[3])
}
