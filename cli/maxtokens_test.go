package cli

import (
	"strings"
	"testing"
)

const twoCharges = `
token "u0" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
}
token "u1" {
  card { preset = "visa" }
  use "charge" { amount = 1001 }
}
`

// A scenario with more tokens than --max-tokens keeps is refused by plan
// and apply, naming the flag and both counts, before anything is sent:
// applied, it would push its own tokens out and make them again on every
// apply. With room for them, a second apply changes nothing.
func TestScenarioLargerThanMaxTokensIsRefused(t *testing.T) {
	s := newSandbox(t)
	file := writeScenario(t, twoCharges)
	for _, cmd := range [][]string{{"plan", file}, {"apply", file, "--auto-approve"}} {
		r := s.expect(2, append([]string{"--max-tokens", "1"}, cmd...)...)
		for _, want := range []string{"max_tokens_exceeded", "--max-tokens", "makes 2 tokens", "the 1 the state keeps"} {
			if !strings.Contains(r.errOut, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd[0], want, r.errOut)
			}
		}
	}
	if out := s.ok("list").out; strings.Contains(out, "tok_") {
		t.Errorf("a refused apply made tokens:\n%s", out)
	}
	s.ok("--max-tokens", "2", "apply", file, "--auto-approve")
	if out := s.ok("--max-tokens", "2", "apply", file, "--auto-approve").out; !strings.Contains(out, "0 added, 0 changed") {
		t.Errorf("a second apply changed something:\n%s", out)
	}
}
