package ui

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/aymanbagabas/go-osc52/v2"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// The request log (L) has one entry selected (▸, moved with ↑/↓): enter
// shows its answer's body under it (and hides it again), and c copies it
// as a curl line (OSC 52) that sends it again with Stripe's published
// test data, as a report writes it. Entries an earlier run of tokenscope sent (the log is kept in
// the state dir) are marked "earlier".

// logCursor is the request log's selection (sel; -1 is the newest
// entry) and the entry whose answer is shown (shown; -1 for none).
type logCursor struct {
	sel   int
	shown int
	n     int   // entries when last drawn
	lines []int // the first line of each entry when last drawn
}

// openLog shows the request log, its newest entry selected.
func (a *App) openLog() {
	a.reqlog = logCursor{sel: -1, shown: -1}
	a.openPager("Request log (oldest first)", func(w int) string { return a.logText(w) })
	a.pager.log, a.pager.follow = true, true
	a.pager.vp.GotoBottom()
}

func (c *logCursor) clamp(n int) {
	c.n = n
	c.lines = make([]int, n)
	if c.sel < 0 || c.sel >= n {
		c.sel = n - 1
	}
}

// page is the entry a page of h lines from entry i in direction d: the
// farthest that starts within h lines of it, or the next one when the
// entry is taller than a page.
func (c *logCursor) page(i, d, h int) int {
	in := func(j int) bool { return j >= 0 && j < c.n && j < len(c.lines) }
	if !in(i) {
		return i
	}
	j := i
	for in(j+d) && max(c.lines[j+d]-c.lines[i], c.lines[i]-c.lines[j+d]) < h {
		j += d
	}
	if j == i && in(i+d) {
		j = i + d
	}
	return j
}

// at notes where entry i starts.
func (c *logCursor) at(i, line int) {
	if i < len(c.lines) {
		c.lines[i] = line
	}
}

// mark is entry i's lead: ▸ when selected, and "earlier" for a request an
// earlier run sent.
func (c *logCursor) mark(i int, e model.LoggedRequest) string {
	lead := "  "
	if i == c.sel {
		lead = "▸ "
	}
	if e.Earlier {
		lead += "earlier "
	}
	return lead
}

// response is the selected entry's answer body, indented, under it.
func (c *logCursor) response(i int, e model.LoggedRequest, width int, in string) []string {
	if i != c.shown || e.Response == "" {
		return nil
	}
	body := indentJSON([]byte(e.Response))
	if e.ResponseCut {
		body += "\n(cut at " + fmt.Sprint(model.MaxLoggedResponse) + " bytes)"
	}
	out := []string{in + "response:"}
	for _, l := range strings.Split(views.CleanLines(body), "\n") {
		// A long line (a client_secret, a description) wraps under its
		// value: the viewport would cut it at the edge with no mark.
		lead := l[:len(l)-len(strings.TrimLeft(l, " "))]
		for _, w := range common.Hang(lead, l[len(lead):], width-len(in)-2) {
			out = append(out, in+"  "+w)
		}
	}
	return out
}

// logKey handles the request log's own keys: ↑/↓ move the selection (and
// the view to it), enter shows or hides its answer, c copies it as curl.
func (a *App) logKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	c, k := &a.reqlog, a.keys
	if !a.pager.log {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Up) && c.sel > 0:
		c.sel--
	case key.Matches(msg, k.Down) && c.sel < c.n-1:
		c.sel++
	// The jumps move the selection too, as in the token list: they
	// scrolled the view alone, and c then copied a request out of sight.
	case key.Matches(msg, k.Top) && c.n > 0:
		c.sel = 0
	case key.Matches(msg, k.Bottom) && c.n > 0:
		c.sel = c.n - 1
	case key.Matches(msg, k.PageUp) && c.n > 0:
		c.sel = c.page(c.sel, -1, a.pager.vp.Height)
	case key.Matches(msg, k.PageDown) && c.n > 0:
		c.sel = c.page(c.sel, 1, a.pager.vp.Height)
	case key.Matches(msg, k.CopyCurl):
		return a.copyCurl(), true
	case key.Matches(msg, k.Open) && c.shown == c.sel:
		c.shown = -1
	case key.Matches(msg, k.Open):
		c.shown = c.sel
	case key.Matches(msg, k.Up, k.Down):
		return nil, true
	default:
		return nil, false
	}
	a.showLogSelection()
	return nil, true
}

// hideLogAnswer is esc over a request's answer: back to the list of
// requests, not out of the log.
func (a *App) hideLogAnswer() bool {
	if !a.pager.log || a.reqlog.shown < 0 {
		return false
	}
	a.reqlog.shown = -1
	a.showLogSelection()
	return true
}

// showLogSelection draws the log again with the selected entry at the
// top, or follows its end when the newest is selected with no answer.
func (a *App) showLogSelection() {
	c := &a.reqlog
	a.pager.follow = c.sel == c.n-1 && c.shown != c.sel
	a.pager.reload()
	switch {
	case a.pager.follow:
		a.pager.vp.GotoBottom() // G from the top: reload follows only an end in sight
	case c.sel < len(c.lines):
		a.pager.vp.SetYOffset(c.lines[c.sel])
	}
}

// padToEntry pads the log's lines so that, scrolled to its end, the view
// begins where an entry begins: the last height lines of the log began
// with the tail of an entry whose head was out of sight.
func (c *logCursor) padToEntry(lines []string, height int) []string {
	top := len(lines) - height
	if top <= 0 {
		return lines
	}
	for _, start := range c.lines {
		if start >= top {
			return append(lines, make([]string, start-top)...)
		}
	}
	return lines
}

// logHelp is the request log's footer.
func (a *App) logHelp() []key.Binding {
	k := a.keys
	open, curl := k.Open, k.CopyCurl
	open.SetHelp("enter", "response")
	curl.SetHelp("c", "copy as curl")
	return []key.Binding{k.Back, k.Up, k.Down, open, curl, k.Quit}
}

// copyCurl copies the selected entry as a curl line.
func (a *App) copyCurl() tea.Cmd {
	entries := a.pc.Session.Requests()
	if a.reqlog.sel < 0 || a.reqlog.sel >= len(entries) {
		return nil
	}
	r := views.CurlOf(entries[a.reqlog.sel], time.Now())
	if r.Curl == "" {
		a.setError(common.GlyphError + " not copied: " + r.Note)
		return nil
	}
	return a.copyText(r.Curl, "copied the request as curl (OSC 52; it reads the key from $STRIPE_API_KEY)")
}

// copyText puts text on the clipboard with OSC 52, which the terminal
// (even at the far end of SSH) handles; done is the status after.
func (a *App) copyText(text, done string) tea.Cmd {
	pc, out := a.pc, a.pc.Output
	return func() tea.Msg {
		if out == nil {
			return copiedMsg{status: common.GlyphError + " cannot copy: no terminal to write to", err: true}
		}
		if _, err := osc52.New(text).WriteTo(out); err != nil {
			return copiedMsg{status: common.GlyphError + " copy failed: " + common.ErrorLine(pc, err), err: true}
		}
		return copiedMsg{status: done}
	}
}

// exportWorkspace writes the workspace as a scenario file in the state
// dir (tokenscope state export) and says where; for a guest it hands the
// file on instead (handOn).
func (a *App) exportWorkspace() tea.Cmd {
	sess := a.pc.Session
	if sess == nil {
		return nil
	}
	pc, now, out, guest := a.pc, time.Now(), a.pc.Output, a.pc.Guest
	return func() tea.Msg {
		src, written, left, err := sess.Export(now)
		if err == nil && guest {
			title := fmt.Sprintf("Export: %d %s as a scenario file", written, views.Plural(written, "token", "tokens"))
			if left > 0 {
				title += fmt.Sprintf(" (%d left out)", left)
			}
			return handOn(out, "export", title, src)
		}
		var path string
		if err == nil {
			path, err = sess.SaveNewOutput("export-"+now.UTC().Format("20060102-150405")+".hcl", src)
		}
		if err != nil {
			return copiedMsg{status: common.GlyphError + " export failed: " + common.ErrorLine(pc, err), err: true}
		}
		status := fmt.Sprintf("exported %d %s to %s", written, views.Plural(written, "token", "tokens"), path)
		if left > 0 {
			status += fmt.Sprintf(" (%d left out)", left)
		}
		return copiedMsg{status: status}
	}
}

// writeReport writes the selected token's report (tokenscope report) to
// a file in the state dir and copies its path; for a guest it hands the
// report on instead (handOn).
func (a *App) writeReport(sel *model.Record) tea.Cmd {
	sess := a.pc.Session
	if sel == nil || sess == nil {
		a.setStatus("no token selected")
		return nil
	}
	pc, id, out, ctx, guest := a.pc, sel.ID, a.pc.Output, a.pc.Ctx, a.pc.Guest
	return func() tea.Msg {
		story, err := sess.Story(ctx, id)
		var b bytes.Buffer
		if err == nil {
			err = views.NewReport(story, time.Now()).WriteMarkdown(&b)
		}
		if err == nil && guest {
			return handOn(out, "report", "Report "+id+" (Markdown)", b.Bytes())
		}
		path := sess.OutputPath("report-" + fileSafe(id) + ".md")
		if err == nil {
			err = sess.SaveOutput(path, b.Bytes())
		}
		if err != nil {
			return copiedMsg{status: common.GlyphError + " report failed: " + common.ErrorLine(pc, err), err: true}
		}
		if out != nil {
			if _, err := osc52.New(path).WriteTo(out); err == nil {
				return copiedMsg{status: "report written to " + path + " (path copied, OSC 52)"}
			}
		}
		return copiedMsg{status: "report written to " + path}
	}
}

// fileSafe keeps the letters, digits and _ of an id read from the state:
// it names a file, and must not name another directory.
func fileSafe(id string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, id)
}
