package cli

import (
	"strings"
	"testing"
)

// A sensitive flag holding anything but Stripe's published test data is
// refused (exit 2) before anything is sent or stored: every user of the
// machine can read command lines through ps. The refusal names the flag,
// says why and how to give the value instead, and never repeats it.
func TestSensitiveFlagsRefuseAllButTestData(t *testing.T) {
	s := newSandbox(t)
	s.create("card", "visa") // so the state dir has files to search
	for _, c := range []struct {
		flag   string
		secret string
		args   []string
	}{
		{"id-number", "531928467", []string{"create", "pii", "--id-number", "531928467"}},
		{"id-number", "531-92-8467", []string{"create", "pii", "--id-number=531-92-8467"}},
		{"account", "000987123456", []string{"create", "bank", "--routing", "110000000", "--account", "000987123456"}},
		{"number", "4111111111111111", []string{"create", "card", "--number", "4111111111111111", "--exp", "12/34"}},
		{"cvc", "472", []string{"create", "card", "--number", "-", "--exp", "12/34", "--cvc", "472", "--allow-any-number"}},
	} {
		r := s.input("4111111111111111\n").expect(2, c.args...)
		if !strings.Contains(r.errOut, "--"+c.flag+": the ") || !strings.Contains(r.errOut, "not Stripe's published test data") ||
			!strings.Contains(r.errOut, "(ps)") || !strings.Contains(r.errOut, "--"+c.flag+" - reads one line") {
			t.Errorf("%v: stderr does not name --%s, why and what to do:\n%s", c.args, c.flag, r.errOut)
		}
		if strings.Contains(r.all(), c.secret) {
			t.Errorf("%v: output echoes %s:\n%s", c.args, c.secret, r.all())
		}
	}
	s.assertNotInStateDir("531928467", "000987123456", "4111111111111111")
}

// Stripe's published test data stays usable on the command line: test
// cards (with any CVC), test bank accounts, test id numbers.
func TestSensitiveFlagsTakeTestData(t *testing.T) {
	s := newSandbox(t)
	s.ok("create", "card", "--number", "4242424242424242", "--exp", "12/34", "--cvc", "472")
	s.ok("create", "card", "--preset", "amex", "--cvc", "4721")
	s.ok("create", "bank", "--routing", "110000000", "--account", "000123456789")
	s.ok("create", "pii", "--id-number", "000000000")
	s.ok("create", "pii", "--id-number", "111-11-1111")
}

// "-" reads a sensitive value from stdin, one line per flag in the order
// the command lists them; --allow-any-number still lets a number outside
// the test cards through the local check.
func TestSensitiveFlagsReadStdin(t *testing.T) {
	s := newSandbox(t)
	r := s.input("531928467\n").ok("create", "pii", "--id-number", "-", "--json")
	if tok := token(t, r.out); !strings.HasPrefix(tok.ID, "pii_") {
		t.Errorf("created %s", tok.ID)
	}
	s.input("000987123456\n").ok("create", "bank", "--routing", "110000000", "--account", "-")
	s.input("4242424242424242\n472\n").ok("create", "card", "--number", "-", "--exp", "12/34", "--cvc", "-")
	// Without --allow-any-number the local check refuses it; with it, the
	// number reaches the emulator, which declines it as Stripe does.
	r = s.input("4111111111111111\n472\n").expect(2, "create", "card", "--number", "-", "--exp", "12/34", "--cvc", "-")
	if !strings.Contains(r.errOut, "test_mode_live_card") || !strings.Contains(r.errOut, "refused locally") {
		t.Errorf("stderr:\n%s", r.errOut)
	}
	r = s.input("4111111111111111\n472\n").expect(1, "create", "card", "--number", "-", "--exp", "12/34", "--cvc", "-", "--allow-any-number")
	if !strings.Contains(r.errOut, "test_mode_live_card") || !strings.Contains(r.errOut, "request id") {
		t.Errorf("stderr:\n%s", r.errOut)
	}
	if strings.Contains(r.all(), "4111111111111111") {
		t.Errorf("output echoes the number:\n%s", r.all())
	}
	r = s.input("").expect(2, "create", "pii", "--id-number", "-")
	if !strings.Contains(r.errOut, "--id-number -: the id number was to be read from stdin") {
		t.Errorf("stderr:\n%s", r.errOut)
	}
	s.assertNotInStateDir("531928467", "000987123456", "4111111111111111")
}

// A key anywhere in an argument is refused, not only at its start.
func TestKeyInsideAnArgumentRefused(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{
		{"get", "name sk_test_abcdefghijklmnop"},
		{"create", "card", "--preset", "visa", "--name", "Jenny (rk_" + "live_abcdefgh)"},
		{"list", "--state-dir=/tmp/x:sk_" + "live_abcdefgh"},
	} {
		r := s.expect(2, args...)
		if !strings.Contains(r.errOut, "API key was given on the command line") || strings.Contains(r.all(), "abcdefgh") {
			t.Errorf("%v:\n%s", args, r.all())
		}
	}
	// A word that only contains a prefix is no key.
	s.ok("create", "card", "--preset", "visa", "--name", "risk_test_team")
}
