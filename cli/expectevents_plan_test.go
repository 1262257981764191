package cli

import (
	"strings"
	"testing"
)

// expect_events are checked at plan time against the types the offline
// emulator makes (a typo gets a did-you-mean and nothing is sent), shown
// on the use in the plan, and written at token level get told where they
// belong.
func TestExpectEventsCheckedAtPlan(t *testing.T) {
	s := newSandbox(t)
	typo := writeScenario(t, `
token "c" {
  card { preset = "visa" }
  use "charge" {
    amount = 100
    expect_events = ["charge.succeded", "bogus"]
  }
}
`)
	for _, cmd := range [][]string{{"plan", typo}, {"apply", typo, "--auto-approve"}} {
		r := s.expect(2, cmd...)
		for _, want := range []string{`Did you mean "charge.succeeded"?`, `no event of type "bogus"`, "nothing was sent"} {
			if !strings.Contains(r.errOut, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd[0], want, r.errOut)
			}
		}
	}
	if out := s.ok("list").out; strings.Contains(out, "tok_") {
		t.Errorf("a refused apply made a token:\n%s", out)
	}

	good := writeScenario(t, `
token "c" {
  card { preset = "visa" }
  use "charge" {
    amount = 100
    expect_events = ["charge.succeeded", "charge.*"]
  }
}
`)
	if out := s.ok("plan", good).out; !strings.Contains(out, `expect_events = ["charge.succeeded", "charge.*"]`) {
		t.Errorf("the plan does not show expect_events:\n%s", out)
	}

	misplaced := writeScenario(t, `
token "c" {
  card { preset = "visa" }
  expect_events = ["charge.succeeded"]
  use "charge" { amount = 100 }
}
`)
	if r := s.expect(2, "plan", misplaced); !strings.Contains(r.errOut, "belongs inside the use block") {
		t.Errorf("no hint for expect_events at token level:\n%s", r.errOut)
	}
}
