package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// An amount too large for Stripe is refused naming the field and Stripe's
// code, not with Go's parser error nor masked as if it were a card.
func TestHugeAmountsAreRefusedByName(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{
		{"refund", "ch_x", "--amount", "99999999999999999999"},
		{"capture", "pi_x", "--amount", "99999999999999999999"},
		{"use", "tok_x", "--charge", "99999999999999999999"},
	} {
		r := s.expect(2, args...)
		if !strings.Contains(r.errOut, "must be a whole number up to 99999999") || !strings.Contains(r.errOut, "amount_too_large") ||
			strings.Contains(r.errOut, "strconv") || strings.Contains(r.errOut, "••••") {
			t.Errorf("%v:\n%s", args, r.errOut)
		}
	}
}

// A usage error with --json prints nothing on stdout (README's output
// section); a local check prints Stripe's error object, with its code.
func TestJSONUsageErrorsLeaveStdoutEmpty(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{
		{"create", "card", "--no-such-flag", "--json"},
		{"use", "tok_x", "--charge", "1.50", "--json"},
		{"report", "--json"},
	} {
		if r := s.expect(2, args...); r.out != "" {
			t.Errorf("%v: stdout %q", args, r.out)
		}
	}
	r := s.expect(2, "use", "tok_x", "--payment-intent", "1000", "--return-url", "javascript:alert(1)", "--json")
	var e struct{ Error struct{ Code, Param string } }
	if err := json.Unmarshal([]byte(r.out), &e); err != nil || e.Error.Code != "url_invalid" || e.Error.Param != "return_url" {
		t.Errorf("stdout %q (%v)", r.out, err)
	}
}

// A name longer than Stripe's limit is refused naming the field, and not
// printed back whole.
func TestLongNameIsRefused(t *testing.T) {
	s := newSandbox(t)
	r := s.expect(2, "create", "card", "--preset", "visa", "--name", strings.Repeat("a", 100_000))
	if !strings.Contains(r.errOut, "card[name]") || len(r.errOut) > 2000 {
		t.Errorf("stderr (%d bytes): %.300s", len(r.errOut), r.errOut)
	}
}
