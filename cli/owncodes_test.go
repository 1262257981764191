package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// tokenscope's own errors print their type and code under the message, as
// Stripe's do (README: "Error: <message>, then type, code ..."), and
// --json carries the same code: a corrupt state, and a charge asked for a
// dispute it does not have.
func TestOwnErrorsNameTypeAndCode(t *testing.T) {
	lines := func(t *testing.T, errOut, code string) {
		t.Helper()
		for _, re := range []string{`(?m)^  type\s+tokenscope_error$`, `(?m)^  code\s+` + code + `$`} {
			if !regexp.MustCompile(re).MatchString(errOut) {
				t.Errorf("stderr lacks %s:\n%s", re, errOut)
			}
		}
	}
	jsonCode := func(t *testing.T, out string) string {
		t.Helper()
		var e struct {
			Error struct{ Type, Code, Param string }
		}
		if err := json.Unmarshal([]byte(out), &e); err != nil || e.Error.Type != "tokenscope_error" {
			t.Fatalf("stdout = %q (%v)", out, err)
		}
		return e.Error.Code
	}
	s := newSandbox(t)
	ch := useObject(t, s.ok("use", s.create("card", "visa"), "--charge", "500", "--json").out)
	lines(t, s.expect(1, "dispute", ch).errOut, "no_dispute")
	if got := jsonCode(t, s.expect(1, "dispute", ch, "--json").out); got != "no_dispute" {
		t.Errorf("dispute --json code %q", got)
	}
	os.WriteFile(filepath.Join(s.dir, "state.json"), []byte(`{"version":`), 0o600)
	lines(t, s.expect(1, "list").errOut, "state_corrupt")
}
