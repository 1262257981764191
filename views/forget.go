package views

import "fmt"

// ForgetLines are the plan of forgetting tokens (state rm, d and D in the
// TUI): one line per id. Nothing is sent: Stripe keeps a token, which
// cannot be deleted; only tokenscope's record of it goes. Of tokens a
// refresh found gone (gone), Stripe keeps nothing: the plan says so.
func ForgetLines(ids []string, gone bool) []Line {
	out := make([]Line, 0, len(ids))
	for _, id := range ids {
		// The glyph leads, so a line that wraps hangs under the id.
		out = append(out, Line{Kind: Gone, Lead: GlyphGone + " ", Text: Clean(id) + " will be forgotten " + forgetNote(gone, 1)})
	}
	return out
}

// forgetNote says what forgetting n tokens leaves at Stripe.
func forgetNote(gone bool, n int) string {
	if gone {
		return "(local only: Stripe no longer has " + Plural(n, "it", "them") + ")"
	}
	return "(local only, Stripe keeps " + Plural(n, "it", "them") + ")"
}

// ForgetSummary closes the plan of forgetting n tokens.
func ForgetSummary(n int) string {
	return fmt.Sprintf("Forget: %d %s from the state; nothing is sent.", n, Plural(n, "token", "tokens"))
}

// Forgotten is what forgetting ids did, for a status line.
func Forgotten(ids []string, gone bool) string {
	if len(ids) == 1 {
		return "forgot " + Clean(ids[0]) + " " + forgetNote(gone, 1)
	}
	return fmt.Sprintf("forgot %d tokens %s", len(ids), forgetNote(gone, len(ids)))
}
