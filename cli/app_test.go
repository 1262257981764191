package cli

import (
	"strings"
	"testing"
)

// A mistyped command is a usage error (exit 2) that says which
// command was meant, at the top level and in a group; one far from every
// command gets no suggestion.
func TestMistypedCommandSuggests(t *testing.T) {
	s := newSandbox(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lisst"}, "Did you mean this?\n\tlist\n"},
		{[]string{"refrsh"}, "\trefresh\n"},
		{[]string{"state", "lst"}, "\tlist\n"},
	} {
		r := s.expect(2, c.args...)
		if !strings.Contains(r.errOut, `unknown command "`+c.args[len(c.args)-1]+`"`) || !strings.Contains(r.errOut, c.want) {
			t.Errorf("%v: stderr %q lacks %q", c.args, r.errOut, c.want)
		}
	}
	if r := s.expect(2, "xyzzy"); strings.Contains(r.errOut, "Did you mean") {
		t.Errorf("xyzzy: a suggestion for nothing near: %q", r.errOut)
	}
}
