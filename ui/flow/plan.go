package flow

import (
	"bytes"
	"strings"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// renderPlan writes a plan as the headless commands do, each line coloured
// by its leading glyph (the glyph itself stays, so colour only adds), then
// the keys that apply it or go back.
func renderPlan(pc *common.ProgramContext, changes ...model.Change) string {
	var b bytes.Buffer
	model.Plan{Target: pc.Backend.Label(), Changes: changes}.Render(&b)
	return colourByGlyph(pc.Styles, b.String()) + "\n\n" +
		pc.Styles.Key.Render("enter") + " apply · " + pc.Styles.Key.Render("esc") + " edit"
}

// colourByGlyph colours plan and drift lines: + add, ~ drift, - gone,
// ! error, # comments muted.
func colourByGlyph(st *common.Styles, text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		switch {
		case strings.HasPrefix(t, "-/+"):
			lines[i] = st.Drift.Render(l)
		case strings.HasPrefix(t, common.GlyphAdd):
			lines[i] = st.Add.Render(l)
		case strings.HasPrefix(t, common.GlyphDrift):
			lines[i] = st.Drift.Render(l)
		case strings.HasPrefix(t, common.GlyphGone):
			lines[i] = st.Gone.Render(l)
		case strings.HasPrefix(t, common.GlyphError):
			lines[i] = st.Error.Render(l)
		case strings.HasPrefix(t, "#"):
			lines[i] = st.Muted.Render(l)
		}
	}
	return strings.Join(lines, "\n")
}
