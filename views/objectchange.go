package views

import "strings"

// ObjectChanges are what an object pane says when its object changed
// while it was open (told by events, read again): each of the pane's
// rows whose value differs between the two reads, as drift reads, with
// the events that told of it:
//
//	~ status: pending -> succeeded (charge.dispute.created)
//	~ amount_refunded: 0.00 usd -> 3.00 usd (refund.created, charge.refunded)
//
// A quiet row (a zero amount, not shown) reads its value; a row the
// object has not, or no longer, reads "null", as in a refresh. None when
// nothing the pane shows changed.
func ObjectChanges(before, after Rows, events []string) []Line {
	was, shown := map[string]string{}, map[string]bool{}
	for _, f := range before.Quiet {
		was[f.Path] = f.Value
	}
	for _, f := range before.Shown {
		was[f.Path], shown[f.Path] = f.Value, true
	}
	now := map[string]string{}
	for _, f := range after.Quiet {
		now[f.Path] = f.Value
	}
	why := ""
	if len(events) > 0 {
		why = " (" + Clean(strings.Join(events, ", ")) + ")"
	}
	var out []Line
	add := func(label, from, to string) {
		if from != to {
			out = append(out, Line{Kind: Change, Lead: GlyphChange + " ", Text: driftText(label, orNull(from), orNull(to)) + why})
		}
	}
	stays := map[string]bool{}
	for _, f := range after.Shown {
		stays[f.Path] = true
	}
	// In the pane's order: a row no longer shown where it was, before
	// the next one that stayed.
	i := 0
	goneUpTo := func(path string) {
		for ; i < len(before.Shown) && before.Shown[i].Path != path; i++ {
			if f := before.Shown[i]; !stays[f.Path] {
				add(f.Label, f.Value, now[f.Path])
			}
		}
		i++
	}
	for _, f := range after.Shown {
		if shown[f.Path] {
			goneUpTo(f.Path)
		}
		add(f.Label, was[f.Path], f.Value)
	}
	goneUpTo("")
	return out
}

// orNull is how a drift shows a value that is not there.
func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}
