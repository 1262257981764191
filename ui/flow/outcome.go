package flow

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// renderOutcome is the outcome pane of screens.md (views.Outcome): the
// headline with the ids beside it, what happened and why, and what the
// use did to the token.
func renderOutcome(st *common.Styles, o views.Outcome, width int) string {
	head := st.Add.Render(common.GlyphAdd + " " + o.Headline())
	if o.HeadKind() == views.Failed {
		head = st.ErrorTitle.Render(common.GlyphError + " " + o.Headline())
	}
	lines := headIDs(st, head, o.IDs(), width)
	rows := append(o.Fields(), views.Field{Label: "token", Value: common.StyleSegments(st, o.TokenLine())})
	return strings.Join(lines, "\n") + "\n" + common.RenderRows(st, rows, width)
}

// headIDs puts the ids ("pi_… · req_…") beside the headline when they
// fit there, else on the line under it, else each on a line of its own:
// an id is cut (with "…") only when it alone is wider than the pane.
func headIDs(st *common.Styles, head, ids string, width int) []string {
	const in = "  "
	switch {
	case ids == "":
		return []string{head}
	case ansi.StringWidth(head)+len(in)+ansi.StringWidth(ids) <= width:
		return []string{head + in + st.Muted.Render(ids)}
	case len(in)+ansi.StringWidth(ids) <= width:
		return []string{head, in + st.Muted.Render(ids)}
	}
	lines := []string{head}
	for _, id := range strings.Split(ids, " · ") {
		lines = append(lines, in+st.Muted.Render(ansi.Truncate(id, max(width-len(in), 1), "…")))
	}
	return lines
}
