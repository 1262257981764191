package cli

import (
	"strings"
	"testing"
)

// The headless report of a token whose name holds ESC, OSC 52 and BEL
// prints none of them, in Markdown or JSON (the TUI's m, which writes the
// file itself, is tested in ui).
func TestReportPrintsNoEscapes(t *testing.T) {
	s := newSandbox(t)
	id := token(t, s.expect(0, "create", "card", "--preset", "visa", "--name", "\x1b[31mX\x1b]52;c;aGk=\a", "--json").out).ID
	for _, args := range [][]string{{"report", id}, {"report", id, "--json"}} {
		out := s.expect(0, args...).out
		if !strings.Contains(out, "card[name]") || strings.ContainsAny(out, "\x1b\a\u009b") {
			t.Errorf("%v: %q", args, out)
		}
	}
}
