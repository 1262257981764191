package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// View draws header, body, status line and key footer, exactly the
// terminal's size. Lines that did not change are kept byte-identical
// (no clock in the header, rows not padded), so bubbletea rewrites only
// what moved.
func (a *App) View() string {
	lines := make([]string, 0, a.height)
	lines = append(lines, a.header())
	body := fitLines(strings.Split(a.body(), "\n"), a.width, a.bodyHeight())
	if a.picker != nil {
		body = a.overlayPicker(body)
	}
	status := a.statusLines()
	// A status too long for its line takes rows from the bottom of the
	// body while it is shown, so it is read whole (statuswrap.go).
	body = body[:max(len(body)-(len(status)-1), 0)]
	lines = append(lines, body...)
	lines = append(lines, status...)
	lines = append(lines, a.footer())
	return strings.Join(fitLines(lines, a.width, a.height), "\n")
}

// header: "tokenscope ─ <backend>" on the left, counts on the right.
func (a *App) header() string {
	// The badge's own padding makes the space after "─".
	left := " " + a.st.Header.Render("tokenscope") + " ─" + a.st.HeaderBadge.Render(a.backendLabel())
	n := len(a.list.tokens)
	counts := fmt.Sprintf("%d %s", n, views.Plural(n, "token", "tokens"))
	if a.list.query != "" {
		counts = fmt.Sprintf("%d of %s", a.list.len(), counts)
	}
	// How the list is sorted is said here (the column titles mark the
	// sorted column), and is the first to give way; "? help" gives way to
	// the requests left pending (statuswrap.go).
	pending := a.pendingCount()
	counts = fmt.Sprintf("%s · %d used%s", counts, a.list.used, pending)
	tails := []string{" · ? help "}
	if n > 1 {
		tails = []string{" · " + a.list.sort.String() + " · ? help ", " · ? help "}
	}
	if pending != "" {
		tails = append(tails, " ")
	}
	for _, tail := range tails {
		right := a.st.Muted.Render(counts + tail)
		if gap := a.width - ansi.StringWidth(left) - ansi.StringWidth(right); gap >= 1 {
			return left + strings.Repeat(" ", gap) + right
		}
	}
	return left
}

func (a *App) backendLabel() string {
	if a.pc.Session == nil {
		return "no backend"
	}
	return a.pc.Backend.Label()
}

// body is a flow, a pager, the welcome, or the list (with the detail
// beside it when the terminal is wide).
func (a *App) body() string {
	h := a.bodyHeight()
	switch {
	case a.flow != nil:
		return a.flow.View()
	case a.mode == modePager:
		return a.pager.view(a.st)
	case len(a.list.tokens) == 0:
		return welcome(a.st, a.pc.Backend)
	case !a.wide():
		return joinLines(a.listLines(a.width))
	}
	lw := a.listWidth()
	left := box(a.st, "Tokens", a.listLines(lw-4), lw, h) // borders, a space each side
	title, detail := "", []string{}
	if r := a.list.selected(); r != nil {
		title = r.ID
		tok, err := a.detail.token(r)
		detail = detailPreview(a.st, r, tok, err, a.pc.Now(), a.width-lw-4, h-2) // box: borders, a space each side
	}
	right := box(a.st, title, detail, a.width-lw, h)
	for i := range left {
		left[i] += right[i]
	}
	return joinLines(left)
}

func (a *App) listLines(w int) []string {
	rows := a.list.rows(a.rs, w, a.pc.Now())
	if a.list.len() == 0 {
		rows = append(rows, a.st.Muted.Render(fmt.Sprintf("  no token matches %q · esc clears the filter", a.list.query)))
	}
	return rows
}

// box draws lines in a bordered pane of exactly w x h cells with the title
// in the top border, as in screens.md.
func box(st *common.Styles, title string, lines []string, w, h int) []string {
	if w < 4 || h < 2 {
		return fitLines(lines, w, max(h, 0))
	}
	b := st.Pane.GetBorderStyle()
	top := b.TopLeft
	if title != "" {
		top += " " + st.PaneTitle.Render(shorten(title, w-6)) + " "
	}
	out := make([]string, 0, h)
	out = append(out, top+strings.Repeat(b.Top, max(w-1-ansi.StringWidth(top), 0))+b.TopRight)
	for i := 0; i < h-2; i++ {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		out = append(out, b.Left+pad(" "+line, w-2)+b.Right)
	}
	return append(out, b.BottomLeft+strings.Repeat(b.Bottom, w-2)+b.BottomRight)
}

// statusLine is the quit question, the filter being typed, a spinner with
// the call in flight, or the last message; the list position leads it when
// the list does not fit. It is the one line besides two rows that moving
// the selection rewrites, so it stays short.
func (a *App) statusLine() string {
	var left string
	if a.flow == nil && a.mode == modeList && a.list.len() > a.list.height {
		left = a.st.Muted.Render(fmt.Sprintf(" %d/%d", a.list.cursor+1, a.list.len()))
	}
	if a.flow == nil && a.mode == modeList && a.list.query != "" && !a.filtering {
		// An active filter is always in sight, in reverse video (not
		// colour alone), with how much it hides and how to clear it.
		left += " " + a.st.HeaderBadge.Render("/ filter: "+views.Clean(a.list.query)) +
			a.st.Muted.Render(fmt.Sprintf("  %d of %d  esc clears", a.list.len(), len(a.list.tokens)))
		if a.status.text != "" || a.busy > 0 {
			left += a.st.Muted.Render(" ·")
		}
	}
	switch {
	case a.confirmQuit:
		return " " + a.st.ErrorTitle.Render(views.Clean(a.status.text))
	case a.filtering:
		return a.filter.View()
	case a.busy > 0:
		left += " " + a.spin.View() + " " + a.busyLabel
		if a.status.text != "" {
			left += a.st.Muted.Render(" · " + a.statusText(left, 3))
		}
	case a.status.text != "":
		left += " " + a.st.Status.Render(a.statusText(left, 1))
	}
	return left
}

// statusText is the status line's text in what the line has left after
// left and gap: its ids stay whole, the words around them give way.
func (a *App) statusText(left string, gap int) string {
	return common.FitIDs(views.Clean(a.status.text), a.width-ansi.StringWidth(left)-gap)
}

// footer lists the keys of what is shown (bubbles/help short view), as
// many as fit and "…" after them. (help's own cut lets an item through
// when exactly no room is left for its ellipsis.)
func (a *App) footer() string {
	keys := a.footerKeys()
	for n := len(keys); n > 0; n-- {
		v := a.help.ShortHelpView(keys[:n])
		if n < len(keys) {
			v += " " + a.st.Muted.Render("…")
		}
		if ansi.StringWidth(v) < a.width {
			return " " + v
		}
	}
	return ""
}

func (a *App) footerKeys() []key.Binding {
	k := a.keys
	switch {
	case a.confirmQuit:
		return []key.Binding{k.Yes, k.No}
	case a.picker != nil:
		return a.pickerKeys()
	case a.flow != nil:
		return a.flow.ShortHelp()
	case a.filtering:
		// j and k type into the filter: only the arrows move.
		return []key.Binding{k.KeepFilter, k.ClearFilter, k.FilterMove}
	case a.mode == modePager && a.pager.detail:
		return []key.Binding{k.Back, k.Follow, k.Use, k.Refresh, k.JSON, k.Copy, k.Up, k.Down, k.Quit}
	case a.mode == modePager && a.pager.log:
		return a.logHelp()
	case a.mode == modePager:
		return []key.Binding{k.Back, k.Up, k.Down, k.PageDown, k.Top, k.Bottom, k.Quit}
	case len(a.list.tokens) == 0:
		return []key.Binding{k.New, k.Retrieve, k.Help, k.Quit}
	}
	if a.wide() {
		return []key.Binding{k.New, k.Use, k.Refresh, k.RefreshAll, k.Filter, k.Copy, k.JSON, k.Log, k.Quit}
	}
	// At 80 columns not all fit: the ones that get cut are in ? help.
	return []key.Binding{k.Open, k.New, k.Use, k.Refresh, k.Filter, k.JSON, k.Log, k.Quit, k.RefreshAll, k.Copy, k.Scenario}
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") }
