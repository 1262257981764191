package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// rowStyle holds what every row repeats, rendered once per program:
// lipgloss's Render is the dearest call in a frame.
type rowStyle struct {
	st *common.Styles
	// used, unused, gone: the plain glyph, the plain glyph and word, and
	// both styled (NO_COLOR keeps glyph and word).
	used, unused, gone [4]string
}

func newRowStyle(st *common.Styles) *rowStyle {
	both := func(s lipgloss.Style, glyph, word string) [4]string {
		return [4]string{glyph, glyph + " " + word, s.Render(glyph), s.Render(glyph + " " + word)}
	}
	return &rowStyle{
		st:     st,
		used:   both(st.Used, common.GlyphUsed, "used"),
		unused: both(st.Unused, common.GlyphUnused, "unused"),
		gone:   both(st.Gone, common.GlyphGone, "gone"),
	}
}

func (rs *rowStyle) status(r *model.Record) [4]string {
	switch {
	case r.Gone:
		return rs.gone
	case r.Used:
		return rs.used
	}
	return rs.unused
}

// renderRow draws one list row in layout l. The selected row is a bar as
// wide as the list, in reverse video and led by "›", which reads without
// colour and on a projector; the others are plain with their status in
// colour and are not padded, so moving the selection rewrites two lines
// and no more than the bar's width.
func renderRow(rs *rowStyle, r *model.Record, selected bool, l layout, now time.Time) string {
	v := l.values(r, func(r *model.Record) string { return views.Age(now.Sub(time.Unix(r.Created, 0))) })
	s := rs.status(r)
	word := 0
	if l.usedWord {
		word = 1
	}
	v[colUsed] = s[word]
	if selected {
		row := common.GlyphSelected + " " + l.cells(&v, nil)
		return rs.st.Bar(pad(row, l.width))
	}
	var styled [numCols]string
	styled[colUsed] = s[2+word]
	row := strings.Repeat(" ", selWidth) + l.cells(&v, &styled)
	if l.total() > l.width { // narrower than the id's first cell and the glyph
		row = shorten(row, l.width)
	}
	return row
}
