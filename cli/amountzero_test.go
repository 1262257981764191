package cli

import (
	"strings"
	"testing"
)

// An amount of 0 or below is refused with the least amount, naming the
// field and Stripe's code: "must be a whole number" read as if 0 were
// none (testui#13).
func TestZeroAmountIsToldTheLeast(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{
		{"refund", "ch_x", "--amount", "0"},
		{"refund", "ch_x", "--amount", "-5"},
		{"capture", "pi_x", "--amount", "0"},
	} {
		r := s.expect(2, args...)
		if !strings.Contains(r.errOut, ": must be at least 1, in the currency's smallest unit") ||
			!strings.Contains(r.errOut, "parameter_invalid_integer") || strings.Contains(r.errOut, "whole number") {
			t.Errorf("%v:\n%s", args, r.errOut)
		}
	}
}
