package cli

import (
	"strings"
	"testing"
)

// TestEventsTypePatterns: --type takes Stripe's pattern (charge.* is every
// charge event), alone, with other types, and with --for.
func TestEventsTypePatterns(t *testing.T) {
	s := newSandbox(t)
	charged := token(t, s.ok("create", "card", "--preset", "visa", "--json").out).ID
	s.ok("use", charged, "--charge", "1000")
	s.ok("use", token(t, s.ok("create", "card", "--preset", "mastercard", "--json").out).ID, "--customer")

	for _, tc := range []struct {
		args      []string
		want, not []string
	}{
		{[]string{"--type", "charge.*"}, []string{"charge.succeeded"}, []string{"customer."}},
		{[]string{"--type", "charge.*", "--type", "customer.created"}, []string{"charge.succeeded", "customer.created"}, []string{"customer.source."}},
		{[]string{"--for", charged, "--type", "charge.*"}, []string{"charge.succeeded"}, []string{"customer."}},
		{[]string{"--type", "customer.*"}, []string{"customer.created", "customer.source.created"}, []string{"charge."}},
	} {
		out := s.ok(append([]string{"events"}, tc.args...)...).out
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("events %v lacks %s:\n%s", tc.args, w, out)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(out, n) {
				t.Errorf("events %v shows %s:\n%s", tc.args, n, out)
			}
		}
	}
}

// TestEventsOfAnAuthenticatedPayment: a 3D Secure card's story goes on
// after authenticate, as the tester of issue 14 expected.
func TestEventsOfAnAuthenticatedPayment(t *testing.T) {
	s := newSandbox(t)
	tok := token(t, s.ok("create", "card", "--preset", "threeds_required", "--json").out).ID
	pi, _ := piOf(t, s.ok("use", tok, "--payment-intent", "2000", "--json").out)
	s.ok("authenticate", pi)
	out := s.ok("events", "--for", tok).out
	for _, w := range []string{"payment_intent.created", "payment_intent.requires_action", "payment_intent.succeeded", "charge.succeeded"} {
		if !strings.Contains(out, w) {
			t.Errorf("events --for %s lacks %s:\n%s", tok, w, out)
		}
	}
}
