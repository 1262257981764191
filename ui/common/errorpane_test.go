package common

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/views"
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

// Hang wraps at spaces under the value, never past width, and keeps the
// words; an id longer than the room left is not cut with a "…".
func TestHangIndentsUnderTheValue(t *testing.T) {
	prefix := "      + source   = "
	value := `"tok_CFeJ5o96mlHS02qXZjCR6J5S"   (test card insufficient_funds, expected: declined, card_declined / insufficient_funds)`
	for w := 50; w <= 80; w++ { // from 50 the id fits in the value column
		lines := Hang(prefix, value, w)
		if len(lines) < 2 || !strings.HasPrefix(lines[0], prefix+`"tok_`) {
			t.Fatalf("width %d: %q", w, lines)
		}
		for _, l := range lines[1:] {
			if ansi.StringWidth(l) > w || !strings.HasPrefix(l, strings.Repeat(" ", len(prefix))) || l[len(prefix)] == ' ' {
				t.Fatalf("width %d: continuation not under the value or too wide: %q", w, l)
			}
		}
		if got := strings.Join(strings.Fields(strings.Join(lines, " ")), " "); got != strings.Join(strings.Fields(prefix+value), " ") {
			t.Fatalf("width %d: words lost: %q", w, got)
		}
	}
	if got := Hang("● ", "yes", 80); len(got) != 1 || got[0] != "● yes" {
		t.Errorf("a short value: %q", got)
	}
}

// The error pane masks what model.MaskSecrets masks, a card number in any
// grouping and a secret key, and nothing else: a routing number or an
// amount of nine digits is no card and stays readable.
func TestRenderRowsMasksSecretsOnly(t *testing.T) {
	st := NewStyles(lipgloss.NewRenderer(io.Discard))
	out := ansi.Strip(RenderRows(st, []views.Field{
		{Label: "message", Value: "card 4000-0566-5566-5556 and 4242424242424242 via sk_" + "test_51Habcdefghijklmnop"},
		{Label: "param", Value: "routing 110000000, amount 100000000"},
	}, 200))
	for _, leak := range []string{"4000-0566", "424242424242", "51Habcdef"} {
		if strings.Contains(out, leak) {
			t.Errorf("%q shown: %s", leak, out)
		}
	}
	for _, kept := range []string{"••••5556", "••••4242", "sk_test_…", "110000000", "100000000"} {
		if !strings.Contains(out, kept) {
			t.Errorf("%q not shown: %s", kept, out)
		}
	}
}
