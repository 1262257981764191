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
// so every row lines up. Ids are what a support engineer copies: where a
// row does not fit, the summary gives way first, then the age, then the
// kind and the status word (the glyph stays); an id is cut only when the
// width is narrower than the id itself.
type columns struct {
	width   int
	id      int  // cells for the token id: the longest id in the list
	age     bool // the age column fits
	compact bool // glyphs and id only
}

const (
	rowLead         = 16 // "› " + kind(4) + " " + id + " " + status word(8)
	rowAge          = 4  // " %3s"
	rowSummaryMin   = 5  // "  " and three cells: less than that says nothing
	rowSummaryUsual = 12 // "  Visa •4242"
)

// listColumns lays rows out in w cells for ids of up to idWidth cells.
func listColumns(w, idWidth int) columns {
	c := columns{width: w, id: idWidth}
	switch {
	case w < idWidth+rowLead:
		c.compact = true
	case w >= idWidth+rowLead+rowAge:
		c.age = true
	}
	return c
}

// rowWidth is the width a row needs in full, with a summary of the usual
// length, for ids of up to idWidth cells.
func rowWidth(idWidth int) int { return idWidth + rowLead + rowAge + rowSummaryUsual }

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
	lead := sel + " " + pad(views.Clean(r.Type.Short()), 4) + " " + pad(views.Clean(r.ID), c.id)
	row := style.Render(lead) + " " + word
	if !c.age {
		return row
	}
	row += fmt.Sprintf(" %3s", views.Age(now.Sub(time.Unix(r.Created, 0))))
	if room := c.width - c.id - rowLead - rowAge; room >= rowSummaryMin {
		row += "  " + shorten(rowSummary(r), room-2)
	}
	return row
}
