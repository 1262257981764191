package views

import (
	"fmt"
	"io"
	"strconv"

	"github.com/tokenscope/tokenscope/model"
)

// NoChanges is what a plan with nothing to do says.
const NoChanges = "No changes. The test tokens already match the configuration."

// PlanLines are the plan as Terraform writes it: its actions, then its
// summary; led by what the plan is of (About), as a comment.
func PlanLines(p model.Plan) []Line {
	var lines []Line
	if p.About != "" {
		lines = append(lines, Line{Kind: Muted, Text: "# " + Clean(p.About)}, Line{})
	}
	lines = append(lines, PlanActions(p)...)
	if len(p.Changes) > 0 {
		lines = append(lines, Line{}, Line{Text: PlanSummary(p)})
	}
	return lines
}

// PlanActions are a plan's actions as Terraform writes them, "=" signs
// aligned per resource, without the summary (PlanSummary) that closes
// them; a plan with nothing to do is the one line NoChanges.
func PlanActions(p model.Plan) []Line {
	if len(p.Changes) == 0 {
		return []Line{{Kind: Create, Text: NoChanges}}
	}
	out := []Line{{Text: "tokenscope will perform the following actions:"}}
	for _, c := range p.Changes {
		out = append(out, Line{})
		out = append(out, changeLines(c, p.Target)...)
	}
	return out
}

// PlanSummary is Terraform's closing line: "Plan: 1 to add, 0 to
// change, 0 to destroy."
func PlanSummary(p model.Plan) string {
	add, change, destroy := p.Counts()
	return fmt.Sprintf("Plan: %d to add, %d to change, %d to destroy.", add, change, destroy)
}

// WritePlan writes the plan as plain text: its actions, then its summary.
func WritePlan(w io.Writer, p model.Plan) error { return WriteLines(w, PlanLines(p)) }

// changeLines are one resource of a plan: what happens to it and why,
// its attributes, and the request that does it, sent to target.
func changeLines(c model.Change, target string) []Line {
	kind, glyph, verb := Create, GlyphCreate, "will be created"
	switch c.Action {
	case model.ActionReplace:
		kind, glyph, verb = Change, GlyphGone+"/"+GlyphCreate, "must be replaced"
	case model.ActionUpdate:
		kind, glyph, verb = Change, GlyphChange, "will be updated in-place"
	}
	if c.Reason != "" {
		verb += ": " + c.Reason
	}
	out := []Line{
		{Kind: Muted, Lead: "  ", Text: "# " + c.Address + " " + verb},
		{Kind: kind, Lead: "  ", Text: glyph + " " + c.Type() + " " + strconv.Quote(c.Name()) + " {"},
	}
	width := 0
	for _, a := range c.Attrs {
		width = max(width, len(a.Name))
	}
	for _, a := range c.Attrs {
		l := Line{Kind: Create, Lead: fmt.Sprintf("      %s %-*s = ", GlyphCreate, width, a.Name), Text: a.Value}
		if a.Old != "" {
			l = Line{Kind: Change, Lead: fmt.Sprintf("      %s %-*s = ", GlyphChange, width, a.Name), Text: a.Old + " -> " + a.Value}
		}
		if a.Note != "" {
			l.Text += "   (" + a.Note + ")"
		}
		out = append(out, l)
	}
	out = append(out, Line{Lead: "    ", Text: "}"})
	if c.Request != "" {
		req := c.Request
		if target != "" {
			req += "  →  " + target
		}
		out = append(out, Line{}, Line{Lead: "  ", Text: req})
	}
	return out
}
