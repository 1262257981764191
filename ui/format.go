package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// shorten cuts s to at most w cells, marking the cut with "…".
func shorten(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// pad shortens or right-pads s (which may hold escapes) to exactly w cells.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-n)
}

// fitLines makes lines exactly h long (cut or padded with empty lines) and
// cuts each to w cells, ending a cut line in "…" so that nothing is lost
// without a sign, so a view never overflows the area it was given.
func fitLines(lines []string, w, h int) []string {
	if h <= 0 {
		return nil
	}
	out := make([]string, h)
	for i := 0; i < h && i < len(lines); i++ {
		out[i] = cut(lines[i], max(w, 0))
	}
	return out
}

// cut fits a line to w cells with "…" where text was lost; padding lost
// (huh pads its lines to the form's width) is no loss and gets no mark.
func cut(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	if strings.TrimSpace(ansi.Strip(ansi.TruncateLeft(s, w, ""))) == "" {
		return ansi.Truncate(s, w, "")
	}
	return ansi.Truncate(s, w, "…")
}

// rowSummary is a record's summary as list rows show it, short enough for
// the side-by-side layout: "Visa •4242", "Bank •6789" (the bank's name,
// "STRIPE TEST BANK •••• 6789", is for the detail), "id number", "account".
// It works from Summary, not Raw: a frame draws many rows.
func rowSummary(r *model.Record) string {
	s := views.Clean(r.Summary)
	i := strings.LastIndex(s, " •••• ")
	if i < 0 {
		return s
	}
	name, last4 := s[:i], s[i+len(" •••• "):]
	if r.Type == model.KindBank {
		name = "Bank"
	}
	return name + " •" + last4
}
