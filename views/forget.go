package views

import "fmt"

// ForgetLines are the plan of forgetting tokens (state rm, d and D in the
// TUI): one line per id. Nothing is sent: Stripe keeps a token, which
// cannot be deleted; only tokenscope's record of it goes.
func ForgetLines(ids []string) []Line {
	out := make([]Line, 0, len(ids))
	for _, id := range ids {
		// The glyph leads, so a line that wraps hangs under the id.
		out = append(out, Line{Kind: Gone, Lead: GlyphGone + " ", Text: Clean(id) + " will be forgotten (local only, Stripe keeps it)"})
	}
	return out
}

// ForgetSummary closes the plan of forgetting n tokens.
func ForgetSummary(n int) string {
	return fmt.Sprintf("Forget: %d %s from the state; nothing is sent.", n, Plural(n, "token", "tokens"))
}

// Forgotten is what forgetting ids did, for a status line.
func Forgotten(ids []string) string {
	if len(ids) == 1 {
		return "forgot " + Clean(ids[0]) + " (local only, Stripe keeps it)"
	}
	return fmt.Sprintf("forgot %d tokens (local only, Stripe keeps them)", len(ids))
}
