package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// statusRows is the most rows a status takes: a long one (an interrupted
// request sent again and what it made, an error) is read whole, not cut
// at the terminal's width, for as long as it is shown; longer still, its
// ids stay whole and the words around them give way on the last row.
const statusRows = 3

// statusLines is the status line, or the rows of a message too long for
// one. Only a message wraps: the quit question, the filter being typed,
// a spinner, and a message beside an active filter (which stays in
// sight) keep their one line.
func (a *App) statusLines() []string {
	onList := a.flow == nil && a.mode == modeList
	if a.confirmQuit || a.filtering || a.busy > 0 || a.status.text == "" || a.width < 20 || (onList && a.list.query != "") {
		return []string{a.statusLine()}
	}
	lead := " "
	if onList && a.list.len() > a.list.height {
		lead = fmt.Sprintf(" %d/%d ", a.list.cursor+1, a.list.len())
	}
	text := views.Clean(a.status.text)
	if ansi.StringWidth(lead+text) < a.width {
		return []string{a.statusLine()}
	}
	rows := common.Hang(lead, text, a.width-1)
	if len(rows) > statusRows {
		pad := strings.Repeat(" ", ansi.StringWidth(lead))
		last := strings.Join(strings.Fields(strings.Join(rows[statusRows-1:], " ")), " ")
		rows = append(rows[:statusRows-1], pad+common.FitIDs(last, a.width-1-len(pad)))
	}
	for i, r := range rows {
		rows[i] = a.st.Status.Render(r)
	}
	return rows
}

// pendingCount is the header's note of the requests a killed tokenscope
// left pending ("" when none): in sight for as long as the state holds
// them, after the status line that named them at start is gone.
func (a *App) pendingCount() string {
	if a.pc.Session == nil {
		return ""
	}
	if n := len(a.pc.Session.SeenPending()); n > 0 {
		return fmt.Sprintf(" · %s %d pending", common.GlyphError, n)
	}
	return ""
}
