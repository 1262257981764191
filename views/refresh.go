package views

import (
	"fmt"
	"io"
	"sort"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// DriftLine reads "~ tok_1QxYa1BcDeFgHiJkLmNoPqRs   used: false -> true"
// or "- tok_1QxXz9AaBbCcDdEeFfGgHhIi   no longer exists
// (resource_missing)", indented as a refresh report lists it.
func DriftLine(d model.Drift) Line { return driftLine(d, 0) }

// driftLine is DriftLine with the id padded to idWidth.
func driftLine(d model.Drift, idWidth int) Line {
	id := idColumn(Clean(d.ID), idWidth)
	if d.Gone {
		what := "no longer exists"
		if d.Code != "" {
			what += " (" + d.Code + ")"
		}
		return Line{Kind: Gone, Lead: "  ", Text: GlyphGone + " " + id + "   " + what}
	}
	return Line{Kind: Change, Lead: "  ", Text: GlyphChange + " " + id + "   " + driftText(d.Field, d.From, d.To)}
}

// driftText is one changed attribute as drift reads, wherever a change
// is shown (a refresh, an event's previous_attributes, an object pane):
// "used: false -> true".
func driftText(field, from, to string) string { return Clean(field + ": " + from + " -> " + to) }

// RefreshLines are the report of a refresh:
//
//	Refreshed 7 tokens in 0.4s.
//	  ~ tok_1QxYa1BcDeFgHiJkLmNoPqRs   used: false -> true
//	  - tok_1QxXz9AaBbCcDdEeFfGgHhIi   no longer exists (resource_missing)
//	Refresh: 1 changed, 1 gone, 5 unchanged.
//
// Ids are whole, padded to the longest so the columns line up. Tokens that could not be read are not counted as refreshed: "Refreshed 0
// of 1 tokens" with the failure listed under it, not "Refreshed 1 token".
func RefreshLines(r model.RefreshReport) []Line {
	_, _, failed, _ := r.Counts()
	done := fmt.Sprintf("%d %s", r.Total, Plural(r.Total, "token", "tokens"))
	if failed > 0 {
		done = fmt.Sprintf("%d of %d %s", max(r.Total-failed, 0), r.Total, Plural(r.Total, "token", "tokens"))
	}
	out := []Line{{Text: fmt.Sprintf("Refreshed %s in %s.", done, Elapsed(r.Elapsed))}}
	ids := make([]string, 0, len(r.Errors))
	width := 0
	for id := range r.Errors {
		ids = append(ids, id)
		width = max(width, utf8.RuneCountInString(Clean(id)))
	}
	for _, d := range r.Drifts {
		width = max(width, utf8.RuneCountInString(Clean(d.ID)))
	}
	sort.Strings(ids)
	for _, d := range r.Drifts {
		out = append(out, driftLine(d, width))
	}
	for _, id := range ids {
		out = append(out, Line{Kind: Failed, Lead: "  ", Text: GlyphError + " " + idColumn(Clean(id), width) + "   " + Clean(r.Errors[id].Error())})
	}
	return append(out, Line{Text: RefreshSummary(r)})
}

// RefreshSummary is the report's closing line: "Refresh: 1 changed, 1
// gone, 5 unchanged." (", 2 failed" when some could not be read).
func RefreshSummary(r model.RefreshReport) string {
	changed, gone, failed, unchanged := r.Counts()
	summary := fmt.Sprintf("Refresh: %d changed, %d gone, %d unchanged", changed, gone, unchanged)
	if failed > 0 {
		summary += fmt.Sprintf(", %d failed", failed)
	}
	return summary + "."
}

// WriteRefresh writes the report as plain text.
func WriteRefresh(w io.Writer, r model.RefreshReport) error { return WriteLines(w, RefreshLines(r)) }
