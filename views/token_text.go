package views

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/tokenscope/tokenscope/model"
)

// UsedWord is the used status in words and a glyph, never colour alone.
func UsedWord(used bool) string {
	if used {
		return GlyphUsed + " used"
	}
	return GlyphUnused + " unused"
}

// Headline is the first line of a token's description in the CLI:
// "created tok_1Qx…  card  Visa •••• 4242  (○ unused)".
func (t Token) Headline(verb string) string {
	return fmt.Sprintf("%s %s  %s  %s  (%s)", verb, t.ID, t.Type.Short(), t.Summary, UsedWord(t.Status == StatusUsed))
}

// WriteText writes the token as the CLI describes it: the headline, then
// a flat list of its fields named by their API path, aligned. A token
// whose stored object cannot be decoded is an error after the headline.
func (t Token) WriteText(w io.Writer, verb string) error {
	fmt.Fprintln(w, t.Headline(verb))
	if t.DecodeErr != nil {
		return fmt.Errorf("decode %s: %w", t.ID, t.DecodeErr)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	add := func(name, value string) {
		if value != "" {
			fmt.Fprintf(tw, "  %s\t%s\n", name, value)
		}
	}
	switch t.Status {
	case StatusGone:
		add("used", "gone: the API no longer knows this token (resource_missing)")
	case StatusUsed:
		add("used", "true: it has been used and cannot be used again")
	default:
		add("used", "false: it can be used once")
	}
	switch {
	case t.Consumed != nil:
		add("used by", useLine(*t.Consumed))
	case t.UsedElsewhere:
		add("used by", "a use tokenscope did not record, before these")
	}
	later := "tried"
	if t.Used {
		later = "then"
	}
	for _, u := range t.Attempts {
		if refusedOnly(u) {
			add(later, JoinNonEmpty(Clean(u.Code), useAt(u)))
		} else {
			add(later, useLine(u))
		}
	}
	for _, f := range t.Fields {
		add(f.Path, f.Value)
	}
	add("request id", t.RequestID)
	return tw.Flush()
}

// useLine is a use in a line: "ch_3Qx… (declined: card_declined /
// insufficient_funds) at 2026-11-28 14:02 UTC".
func useLine(u model.Use) string {
	return Clean(JoinNonEmpty(u.ObjectID, "("+UseOutcome(u)+")", useAt(u)))
}
