package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
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

// rowStyle holds what every row repeats, rendered once per program:
// lipgloss's Render is the dearest call in a frame.
type rowStyle struct {
	st                    *common.Styles
	used, unused, gone    [2]string // glyph, then glyph AND word (NO_COLOR keeps both)
	selected, notSelected string
}

func newRowStyle(st *common.Styles) *rowStyle {
	both := func(s lipgloss.Style, glyph, word string) [2]string {
		return [2]string{s.Render(glyph), s.Render(glyph + " " + word)}
	}
	return &rowStyle{
		st:          st,
		used:        both(st.Used, common.GlyphUsed, "used  "),
		unused:      both(st.Unused, common.GlyphUnused, "unused"),
		gone:        both(st.Gone, common.GlyphGone, "gone  "),
		selected:    common.GlyphSelected,
		notSelected: " ",
	}
}

func (rs *rowStyle) status(r *model.Record) [2]string {
	switch {
	case r.Gone:
		return rs.gone
	case r.Used:
		return rs.used
	}
	return rs.unused
}

// renderRow draws one list row: selection glyph, kind, id, status, age,
// summary. Only the selected row carries the selection style, and rows do
// not pad to the full width, so moving the cursor rewrites two short lines.
func renderRow(rs *rowStyle, r *model.Record, selected bool, c columns, now time.Time) string {
	sel, style := rs.notSelected, rs.st.Row
	if selected {
		sel, style = rs.selected, rs.st.RowSelected
	}
	s := rs.status(r)
	glyph, word := s[0], s[1]
	if c.compact {
		return shorten(style.Render(sel)+" "+glyph+" "+style.Render(shorten(views.Clean(r.ID), c.width-4)), c.width)
	}
	lead := sel + " " + pad(views.Clean(r.Type.Short()), 4) + " " + pad(shorten(views.Clean(r.ID), c.id), c.id)
	tail := fmt.Sprintf(" %3s  %s", views.Age(now.Sub(time.Unix(r.Created, 0))), rowSummary(r))
	return shorten(style.Render(lead)+" "+word+tail, c.width)
}
