package views

import "testing"

// Clean puts a text of several lines on one: each run of line breaks,
// and the indent of the line after it, is one space; other control
// characters are dropped.
func TestCleanJoinsLines(t *testing.T) {
	for in, want := range map[string]string{
		"Error acquiring the state lock\n\nError message: held": "Error acquiring the state lock Error message: held",
		"remove its lock with:\n  tokenscope force-unlock ID\n": "remove its lock with: tokenscope force-unlock ID",
		"a\r\nb\tc\x1b[31md":      "a b c[31md",
		"  indented at the start": "  indented at the start",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
