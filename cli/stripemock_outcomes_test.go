package cli

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/stripemock"
)

// stripe-mock answers every request alike, whatever the test card. A
// decline card's charge that succeeds there is flagged in the summary,
// and an authenticate step on a PaymentIntent that never asked for 3D
// Secure fails, sending nothing, instead of being recorded as done.
func TestStripeMockOutcomesAreNotTakenForTheTestCards(t *testing.T) {
	base := stripemock.Start(t)
	s := newSandbox(t)
	s.vars["STRIPE_API_KEY"] = "sk_test_123"
	file := writeScenario(t, `
token "declined" {
  card { preset = "insufficient_funds" }
  use "charge" { amount = 1000 }
}
token "tds" {
  card { preset = "threeds_always" }
  use "payment_intent" { amount = 1000 }
  authenticate {}
}
`)
	r := s.expect(1, "--api-base", base, "apply", file, "--auto-approve")
	if !strings.Contains(r.out, "expected card_declined / insufficient_funds, got succeeded") {
		t.Errorf("the summary does not flag the decline that succeeded:\n%s", r.out)
	}
	if !strings.Contains(r.errOut, "never asked for 3D Secure") || strings.Contains(r.out, "authenticate.tds: Creation complete") {
		t.Errorf("the authenticate step was taken as done:\nstdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	if out := s.ok("--api-base", base, "plan", file).out; !strings.Contains(out, "authenticate.tds will be created") {
		t.Errorf("the next plan does not run the authenticate step again:\n%s", out)
	}
}
