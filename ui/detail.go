package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// detailCache keeps the decoded API object of the selected record:
// decoding is lazy (only the selected row is ever decoded) and happens
// once per selection, not once per frame.
type detailCache struct {
	id      string
	fetched time.Time
	obj     model.Fields
	err     error
}

func (c *detailCache) token(r *model.Record) (model.Fields, error) {
	if c.id != r.ID || !c.fetched.Equal(r.FetchedAt) || (c.obj == nil && c.err == nil) {
		c.id, c.fetched = r.ID, r.FetchedAt
		c.obj, c.err = model.DecodeFields(r.Raw)
	}
	return c.obj, c.err
}

// detailLabel is the width of field names; card and bank fields are
// indented two more cells under their heading.
const detailLabel = 11

// detailLines lays out the token's pane (views.Token.Pane), the CLI's
// description in the pane's layout, each row styled by its kind. Values
// wrap at spaces within width cells (0: no limit) under the value column,
// past a glyph, so an id or an outcome is never cut.
func detailLines(st *common.Styles, r *model.Record, obj model.Fields, decodeErr error, now time.Time, width int) []string {
	return layoutDetail(st, r, obj, decodeErr, now, width, 0)
}

// layoutDetail is detailLines with each value kept to valueLines lines
// (0: no limit), the last of a longer one ending in "…".
func layoutDetail(st *common.Styles, r *model.Record, obj model.Fields, decodeErr error, now time.Time, width, valueLines int) []string {
	var out []string
	for _, row := range views.NewToken(r, obj, decodeErr).Pane(now) {
		style := st.Of(row.Kind)
		if row.Label == "" {
			out = append(out, row.Indent+style.Render(row.Lead+row.Value))
			continue
		}
		lines := []string{row.Lead + row.Value}
		if vw := width - len(row.Indent) - detailLabel - 1; width > 0 {
			lines = common.Hang(row.Lead, row.Value, vw)
			if valueLines > 0 && len(lines) > valueLines {
				lines = lines[:valueLines]
				lines[valueLines-1] = ansi.Truncate(lines[valueLines-1], max(vw-1, 0), "") + "…"
			}
		}
		name := row.Label
		for i, l := range lines {
			if i > 0 {
				name = ""
			}
			out = append(out, row.Indent+st.Label.Render(fmt.Sprintf("%-*s", detailLabel, name))+" "+style.Render(l))
		}
	}
	return out
}
