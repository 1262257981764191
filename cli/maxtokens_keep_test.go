package cli

import (
	"strings"
	"testing"
)

// An apply never drops a token of its own file when the state trims to
// --max-tokens: it drops older others. Here a create pushed the file's
// first token out; the apply that makes it again keeps the file's second
// token (dropping the create's), so a third apply changes nothing.
func TestApplyKeepsItsOwnTokensUnderMaxTokens(t *testing.T) {
	s := newSandbox(t)
	file := writeScenario(t, twoCharges)
	s.ok("--max-tokens", "2", "apply", file, "--auto-approve")
	s.ok("--max-tokens", "2", "create", "card", "--preset", "amex")
	if out := s.ok("--max-tokens", "2", "apply", file, "--auto-approve").out; !strings.Contains(out, "2 added") {
		t.Fatalf("the apply after the create did not make the dropped token again:\n%s", out)
	}
	if out := s.ok("--max-tokens", "2", "apply", file, "--auto-approve").out; !strings.Contains(out, "0 added, 0 changed") {
		t.Errorf("an apply dropped a token of its own file; the next one made it again:\n%s", out)
	}
}
