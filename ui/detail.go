package ui

import (
	"fmt"
	"time"

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
	var out []string
	for _, row := range views.NewToken(r, obj, decodeErr).Pane(now) {
		style := st.Of(row.Kind)
		if row.Label == "" {
			out = append(out, row.Indent+style.Render(row.Lead+row.Value))
			continue
		}
		lines := []string{row.Lead + row.Value}
		if width > 0 {
			lines = common.Hang(row.Lead, row.Value, width-len(row.Indent)-detailLabel-1)
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
