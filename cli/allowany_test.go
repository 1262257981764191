package cli

import (
	"strings"
	"testing"
)

// A number test mode refuses, sent with --allow-any-number, is not told
// to pass --allow-any-number.
func TestLiveCardRefusalWithAllowAnyNumber(t *testing.T) {
	s := newSandbox(t)
	r := s.input(noStandIn+"\n987\n").expect(1, "create", "card", "--number", "-", "--exp", "12/34", "--cvc", "-", "--allow-any-number")
	if !strings.Contains(r.errOut, "test_mode_live_card") || strings.Contains(r.errOut, "pass --allow-any-number") {
		t.Errorf("stderr:\n%s", r.errOut)
	}
}
