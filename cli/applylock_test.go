package cli

import (
	"strings"
	"testing"
)

// apply takes the state lock before it plans and keeps it to the end, so
// an apply that cannot have it (--lock-timeout 0s) fails with
// state_locked before it plans or sends anything, and the lock info of
// an apply names the file.
func TestApplyTakesTheLockBeforeItPlans(t *testing.T) {
	s := newSandbox(t)
	file := writeScenario(t, twoCharges)
	_, release := holdStateLock(t, s)
	r := s.expect(1, "--lock-timeout", "0s", "apply", file, "--auto-approve")
	release()
	for _, want := range []string{"Error acquiring the state lock", "Operation: apply"} {
		if !strings.Contains(r.errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.errOut)
		}
	}
	if strings.Contains(r.out, "Plan:") || strings.Contains(s.ok("list").out, "tok_") {
		t.Errorf("an apply without the lock planned or made something:\n%s", r.out)
	}
	s.ok("apply", file, "--auto-approve")
	if out := s.ok("apply", file, "--auto-approve").out; !strings.Contains(out, "0 added, 0 changed") {
		t.Errorf("a second apply changed something:\n%s", out)
	}
}
