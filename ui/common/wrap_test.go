package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Words, flags included, are never torn at their hyphens, and no line is
// wider than asked.
func TestWrapKeepsFlagsWhole(t *testing.T) {
	s := "use a test card instead: tokenscope create card --preset visa, or pass --allow-any-number to send it anyway"
	for w := 20; w <= 80; w++ {
		out := Wrap(s, w)
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > w {
				t.Fatalf("width %d: line %q is wider", w, l)
			}
			if strings.HasSuffix(strings.TrimSpace(l), "-") || strings.HasPrefix(strings.TrimSpace(l), "preset") || strings.HasPrefix(strings.TrimSpace(l), "any-number") {
				t.Fatalf("width %d: a flag is torn:\n%s", w, out)
			}
		}
		if strings.Join(strings.Fields(out), " ") != s {
			t.Fatalf("width %d: words lost or changed:\n%s", w, out)
		}
	}
}
