package cli

import (
	"strings"
	"testing"
)

// --capture and --return-url without --payment-intent are refused as
// usage, not ignored: nothing is sent and no token is spent.
func TestCaptureFlagsOnlyWithPaymentIntent(t *testing.T) {
	s := newSandbox(t)
	tok := s.create("card", "visa")
	for _, args := range [][]string{
		{"use", tok, "--charge", "100", "--capture", "manual"},
		{"use", tok, "--customer", "--return-url", "https://example.com/done"},
	} {
		r := s.expect(2, args...)
		if !strings.Contains(r.errOut, "goes with --payment-intent only") {
			t.Errorf("%v:\n%s", args, r.errOut)
		}
	}
	if out := s.ok("state", "show", tok).out; strings.Contains(out, "ch_") || strings.Contains(out, "cus_") {
		t.Errorf("a refused use was sent:\n%s", out)
	}
}
