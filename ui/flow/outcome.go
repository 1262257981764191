package flow

import (
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
	if ids := o.IDs(); ids != "" {
		head += "  " + st.Muted.Render(ids)
	}
	rows := append(o.Fields(), views.Field{Label: "token", Value: common.StyleSegments(st, o.TokenLine())})
	return head + "\n" + common.RenderRows(st, rows, width)
}
