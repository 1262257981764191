package cli

import (
	"strings"
	"testing"
)

// TestApplyReportsExpectedEventsMissing: a use step's expect_events are
// checked after apply; the ones that occurred pass, a missing one fails
// the step and is named.
func TestApplyReportsExpectedEventsMissing(t *testing.T) {
	s := newSandbox(t)
	ok := writeScenario(t, `
token "paid" {
  card { preset = "visa" }
  use "charge" {
    amount        = 1000
    expect_events = ["charge.succeeded", "charge.*"]
  }
}
`)
	if r := s.ok("apply", ok, "--auto-approve"); !strings.Contains(r.out, "Apply complete!") {
		t.Errorf("expected events that occurred:\n%s", r.out)
	}
	missing := writeScenario(t, `
token "asked" {
  card { preset = "threeds_required" }
  use "payment_intent" {
    amount        = 1000
    expect_events = ["payment_intent.requires_action", "payment_intent.succeeded"]
  }
}
`)
	r := s.expect(1, "apply", missing, "--auto-approve")
	if !strings.Contains(r.errOut, "expected events did not occur: payment_intent.succeeded") || strings.Contains(r.errOut, "occur: payment_intent.requires_action") {
		t.Errorf("missing event:\nstdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	// Everything was sent and recorded: the failure says so, not that
	// nothing was sent, nor that the next apply retries it (it finds the
	// token done).
	for _, wrong := range []string{"refused locally", "next apply retries"} {
		if strings.Contains(r.all(), wrong) {
			t.Errorf("the failure says %q:\n%s", wrong, r.all())
		}
	}
	if !strings.Contains(r.out, "requires_action (events missing)") || !strings.Contains(r.errOut, "--replace NAME") {
		t.Errorf("the summary and the next step:\nstdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	if again := s.ok("apply", missing, "--auto-approve"); !strings.Contains(again.out, "No changes") {
		t.Errorf("the next apply:\n%s", again.out)
	}
	bad := writeScenario(t, `
token "typo" {
  card { preset = "visa" }
  use "charge" {
    amount        = 1000
    expect_events = ["Charge Succeeded"]
  }
}
`)
	if r := s.expect(2, "plan", bad); !strings.Contains(r.errOut, "Invalid expect_events") {
		t.Errorf("bad expect_events:\n%s", r.errOut)
	}
}
