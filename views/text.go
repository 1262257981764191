package views

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// Plural picks the noun for n: "1 token", "0 tokens", "2 tokens". The
// CLI, the TUI and the reports all count tokens; one rule for all.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// idColumn is an id, whole, padded to width runes so the text after it
// lines up. An id is never shortened in text: it is what a support
// engineer copies into a ticket.
func idColumn(id string, width int) string {
	return id + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(id)))
}

// Elapsed is a duration as a person reads it: "12ms" below a second
// (where "0.0s" said nothing), "1.2s" above.
func Elapsed(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}

// Clean makes text from the API or a user safe to print on one line
// (model.Printable: control characters dropped, breaks made spaces).
func Clean(s string) string { return model.Printable(s) }

// CleanLines is Clean for text of several lines: newlines and tabs stay.
func CleanLines(s string) string { return model.PrintableLines(s) }

// Age is a duration in three cells or fewer, for list rows and the detail
// pane: "12s", "2m", "5h", "3d", "14w", "2y".
func Age(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh", int(d/time.Hour))
	}
	days := int(d / (24 * time.Hour))
	switch {
	case days < 100:
		return fmt.Sprintf("%dd", days)
	case days < 365:
		return fmt.Sprintf("%dw", days/7)
	}
	return fmt.Sprintf("%dy", days/365)
}

// JoinNonEmpty joins the parts that say something with spaces.
func JoinNonEmpty(parts ...string) string { return strings.Join(nonEmpty(parts), " ") }

func nonEmpty(parts []string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// EscapeControls makes JSON text safe to print: each control character
// becomes its \u escape, which is what it means inside a JSON string (the
// only place one can stand in a valid document), and no terminal acts on
// it. Newlines, tabs and carriage returns, JSON's whitespace, stay.
// encoding/json escapes C0 itself but writes DEL and C1 (U+0080-U+009F,
// CSI among them) raw; a state file edited by hand may hold anything.
func EscapeControls(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !strings.ContainsFunc(s, escaped) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if escaped(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func escaped(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r'
}
