package ui

import (
	"fmt"
	"time"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// columns is the layout of list rows at one width, computed once per frame
// so every row lines up.
type columns struct {
	width   int
	id      int  // cells for the token id
	compact bool // below 40 cells: glyphs and id only
}

const (
	rowFixed      = 22 // "› " + kind + " " + " " + status + " " + age + "  "
	rowSummaryMin = 10 // "Visa •4242"
	rowIDMax      = 28 // a full tok_ id
)

func listColumns(w int) columns {
	if w < 40 {
		return columns{width: w, compact: true}
	}
	return columns{width: w, id: min(rowIDMax, max(8, w-rowFixed-rowSummaryMin))}
}

// status is the used state as glyph AND word, so it survives NO_COLOR.
func status(st *common.Styles, r *model.Record) (glyph, word string) {
	switch {
	case r.Gone:
		return st.Gone.Render(common.GlyphGone), st.Gone.Render(common.GlyphGone + " gone  ")
	case r.Used:
		return st.Used.Render(common.GlyphUsed), st.Used.Render(common.GlyphUsed + " used  ")
	}
	return st.Unused.Render(common.GlyphUnused), st.Unused.Render(common.GlyphUnused + " unused")
}

// renderRow draws one list row: selection glyph, kind, id, status, age,
// summary. Only the selected row carries the selection style, and rows do
// not pad to the full width, so moving the cursor rewrites two short lines.
func renderRow(st *common.Styles, r *model.Record, selected bool, c columns, now time.Time) string {
	sel, style := " ", st.Row
	if selected {
		sel, style = common.GlyphSelected, st.RowSelected
	}
	glyph, word := status(st, r)
	if c.compact {
		return shorten(style.Render(sel)+" "+glyph+" "+style.Render(shorten(r.ID, c.width-4)), c.width)
	}
	lead := fmt.Sprintf("%s %-4s %s", sel, r.Type.Short(), pad(shorten(r.ID, c.id), c.id))
	tail := fmt.Sprintf(" %3s  %s", age(now.Sub(time.Unix(r.Created, 0))), compactSummary(r.Summary))
	return shorten(style.Render(lead)+" "+word+tail, c.width)
}
