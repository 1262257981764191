package views

import "strings"

// ObjectChanges are what an object pane says when its object changed
// while it was open (told by events, read again): each of the pane's
// rows whose value differs between the two reads, as drift reads, with
// the events that told of it:
//
//	~ status: pending -> succeeded (charge.dispute.created)
//
// A row that was not shown, or is no longer, reads "null", as in a
// refresh. None when nothing the pane shows changed.
func ObjectChanges(before, after []Field, events []string) []Line {
	was := map[string]string{}
	for _, f := range before {
		was[f.Path] = f.Value
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
	for _, f := range after {
		stays[f.Path] = true
	}
	// In the pane's order: a row no longer shown where it was, before
	// the next one that stayed.
	i := 0
	goneUpTo := func(path string) {
		for ; i < len(before) && before[i].Path != path; i++ {
			if !stays[before[i].Path] {
				add(before[i].Label, before[i].Value, "")
			}
		}
		i++
	}
	for _, f := range after {
		if _, ok := was[f.Path]; ok {
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
