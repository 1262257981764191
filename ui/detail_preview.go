package ui

import (
	"fmt"
	"time"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// previewValueLines is how many lines one value may take in the detail
// beside the list: a 5000-character card name filled the pane, pushing
// the test card and refreshed lines out of sight. Six, not three: a
// used-by line with its decline code, or a 3D Secure card's note, is
// read whole at 120 columns.
const previewValueLines = 6

// detailPreview is the detail beside the list, in width x height cells:
// each value kept to previewValueLines lines (cut with "…"), and, when
// the detail is still taller than the pane, its last row says how much
// more there is and that enter shows all of it (the detail pager, which
// scrolls and cuts nothing).
func detailPreview(st *common.Styles, r *model.Record, obj model.Fields, decodeErr error, now time.Time, width, height int) []string {
	lines := layoutDetail(st, r, obj, decodeErr, now, width, previewValueLines)
	if height < 2 || len(lines) <= height {
		return lines
	}
	more := len(lines) - (height - 1)
	return append(lines[:height-1], cut(st.Muted.Render(fmt.Sprintf("↓ %d more lines · enter shows the whole detail", more)), width))
}
