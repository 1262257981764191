package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/ui/common"
)

// pager is the one scrolling text view behind the full-width detail, the raw
// JSON, the request log, help, the drift report and error panes: a title
// line over a bubbles viewport. Its content is a function of the width, so a
// resize re-wraps it and a reload redraws it.
type pager struct {
	title   string
	content func(width int) string
	back    mode // where esc returns
	vp      viewport.Model
	// follow keeps the view on the last line while it is there, as
	// tail -f does: the request log grows as requests are made.
	follow bool
	// detail: the token's detail, where its keys (u, r, J, y) work.
	detail bool
	// log: the request log, where ↑/↓ pick a request (requestlog.go).
	log bool
	// overFlow: shown over the open flow (J in the events view, ? over
	// an object pane), which esc goes back to (flowkeys.go).
	overFlow bool
}

func newPager(title string, back mode, content func(width int) string) pager {
	return pager{title: title, back: back, content: content, vp: viewport.New(0, 0)}
}

// setSize keeps a one-cell left margin, as the header and footer have.
func (p *pager) setSize(w, h int) {
	p.vp.Width, p.vp.Height = max(w-1, 0), max(h-1, 0)
	p.reload()
}

// reload renders the content again (after a resize, a refresh, progress).
// The offset is kept within the new content: a resize that makes it
// shorter must not leave the view scrolled past its end.
func (p *pager) reload() {
	if p.content == nil {
		return
	}
	bottom := p.follow && p.vp.AtBottom()
	p.vp.SetContent(p.content(p.vp.Width))
	if bottom {
		p.vp.GotoBottom()
		return
	}
	p.vp.SetYOffset(p.vp.YOffset)
}

func (p *pager) update(msg tea.KeyMsg, keys *common.KeyMap) tea.Cmd {
	switch {
	case key.Matches(msg, keys.Top):
		p.vp.GotoTop()
	case key.Matches(msg, keys.Bottom):
		p.vp.GotoBottom()
	default:
		var cmd tea.Cmd
		p.vp, cmd = p.vp.Update(msg)
		return cmd
	}
	return nil
}

func (p *pager) view(st *common.Styles) string {
	return " " + st.PaneTitle.Render(shorten(p.title, p.vp.Width)) + "\n " +
		strings.ReplaceAll(p.vp.View(), "\n", "\n ")
}
