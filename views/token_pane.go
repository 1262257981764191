package views

import "time"

// PaneRow is one row of the TUI's detail pane: a label in the label
// column and a value beside it, or, without a label, a line of its own
// (a group's heading, a message, a blank).
type PaneRow struct {
	Indent string // "  " under a group's heading
	Label  string
	// Lead goes before the value (the USED glyph) and stays clear when the
	// value wraps.
	Lead  string
	Value string
	Kind  Kind // the value's
}

// Pane is the token as the TUI's detail pane shows it, at now: the USED
// answer first (whether a token can still be used is the question
// tokenscope exists to answer), the attempts under it, the fields grouped
// under their headings, then when the token was last read.
func (t Token) Pane(now time.Time) []PaneRow {
	rows := []PaneRow{t.usedRow()}
	later := "  tried"
	if t.Used {
		later = "  then"
	}
	for _, u := range t.Attempts {
		rows = append(rows, PaneRow{Label: later, Value: Clean(AttemptOutcome(u, true)) + " (" + attemptTime(u.At, now) + ")", Kind: Used})
	}
	if t.DecodeErr != nil {
		rows = append(rows, PaneRow{Kind: Failed, Value: GlyphError + " cannot decode the stored token: " + Clean(t.DecodeErr.Error())})
	}
	group := ""
	for _, f := range t.Fields {
		if f.Group != group && f.Group != "" {
			rows = append(rows, PaneRow{Kind: Label, Value: f.Group})
		}
		group = f.Group
		row := PaneRow{Label: f.Label, Value: f.Value, Kind: Value}
		if f.Group != "" {
			row.Indent = "  "
		}
		if f.Path == "created" { // how long ago, for a pane read now
			row.Value += " (" + Age(now.Sub(t.Created)) + ")"
		}
		rows = append(rows, row)
	}
	ago := "never"
	if !t.FetchedAt.IsZero() {
		ago = Age(now.Sub(t.FetchedAt)) + " ago"
	}
	if t.RequestID != "" {
		ago += " · " + t.RequestID
	}
	return append(rows, PaneRow{}, PaneRow{Label: "refreshed", Value: ago, Kind: Value})
}

// usedRow answers "can I still use this token?" in words and a glyph: the
// outcome of the use and the id of what used it are the point (the id is
// copied from here).
func (t Token) usedRow() PaneRow {
	switch t.Status {
	case StatusGone: // "it can be used once" would be false: Stripe no longer has it
		return PaneRow{Label: "USED", Lead: GlyphGone + " ", Value: "no longer exists (resource_missing)", Kind: Gone}
	case StatusUnused:
		return PaneRow{Label: "USED", Lead: GlyphUnused + " ", Value: "no, it can be used once", Kind: Unused}
	}
	s := "yes"
	switch u := t.Consumed; {
	case u != nil && u.ObjectID != "":
		s += ", used by " + Clean(u.ObjectID) + " (" + UseBrief(*u) + ")"
	case u != nil:
		s += " (" + UseBrief(*u) + ")"
	case t.UsedElsewhere:
		s += ", before any use tokenscope recorded"
	}
	return PaneRow{Label: "USED", Lead: GlyphUsed + " ", Value: Clean(s), Kind: Used}
}
