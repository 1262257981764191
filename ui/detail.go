package ui

import (
	"fmt"
	"time"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// detailCache keeps the decoded Token of the selected record: decoding is
// lazy (only the selected row is ever decoded) and happens once per
// selection, not once per frame.
type detailCache struct {
	id      string
	fetched time.Time
	tok     *stripe.Token
	err     error
}

func (c *detailCache) token(r *model.Record) (*stripe.Token, error) {
	if c.id != r.ID || !c.fetched.Equal(r.FetchedAt) || (c.tok == nil && c.err == nil) {
		c.id, c.fetched = r.ID, r.FetchedAt
		c.tok, c.err = r.Token()
	}
	return c.tok, c.err
}

// detailLabel is the width of field names; card and bank fields are
// indented two more cells under their heading.
const detailLabel = 11

// detailLines lays out the token's pane (views.Token.Pane), the CLI's
// description in the pane's layout, each row styled by its kind. Values
// wrap at spaces within width cells (0: no limit) under the value column,
// past a glyph, so an id or an outcome is never cut.
func detailLines(st *common.Styles, r *model.Record, tok *stripe.Token, decodeErr error, now time.Time, width int) []string {
	var out []string
	for _, row := range views.NewToken(r, tok, decodeErr).Pane(now) {
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
