package flow

import (
	"bytes"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// planView is a plan on screen, written as the headless commands write it:
// the actions scroll when the terminal is too short (at 40x12 they do not
// fit), and the summary ("Plan: 1 to add…") stays pinned under them, so
// the count is always in sight. The keys that apply it or go back are in
// the footer, not repeated here. (Not bubbles/viewport: it pads every line
// to the full width, which the shell would then redraw on each frame.)
type planView struct {
	st      *common.Styles
	keys    *common.KeyMap
	actions []string // the actions as the plan wrote them
	lines   []string // the actions wrapped to the width, coloured by glyph
	summary string
	w, h    int // h: rows for the actions
	offset  int
}

func newPlanView(pc *common.ProgramContext, w, h int, changes ...model.Change) *planView {
	var b bytes.Buffer
	model.Plan{Target: pc.Backend.Label(), Changes: changes}.Render(&b)
	text := strings.TrimRight(b.String(), "\n")
	body, summary := "", text
	if i := strings.LastIndex(text, "\n"); i >= 0 {
		body, summary = strings.TrimRight(text[:i], "\n"), text[i+1:]
	}
	p := &planView{st: pc.Styles, keys: pc.Keys, actions: strings.Split(body, "\n"), summary: summary}
	p.setSize(w, h)
	return p
}

// setSize fits the plan in w x h cells; two rows go to a blank line and
// the summary. Lines wider than w wrap at spaces under their value (past
// "+ source = "), so a note such as the test card's expected outcome is
// read whole, not cut.
func (p *planView) setSize(w, h int) {
	p.w, p.h = max(w, 1), max(h-2, 1)
	p.lines = hangPlan(p.st, p.actions, p.w)
	p.scroll(0)
}

// hangPlan wraps plan lines to w cells at spaces, under their value
// (valueColumn), each part coloured as its line (glyphStyle).
func hangPlan(st *common.Styles, lines []string, w int) []string {
	var out []string
	for _, l := range lines {
		style := glyphStyle(st, l)
		for _, part := range common.Hang(valueColumn(l), l[len(valueColumn(l)):], w) {
			out = append(out, style.Render(part))
		}
	}
	return out
}

// valueColumn is the start of a plan line up to its value: through " = "
// for an attribute, its indent otherwise.
func valueColumn(l string) string {
	if i := strings.Index(l, " = "); i >= 0 {
		return l[:i+len(" = ")]
	}
	return l[:len(l)-len(strings.TrimLeft(l, " "))]
}

func (p *planView) scroll(by int) {
	p.offset = min(max(p.offset+by, 0), max(len(p.lines)-p.h, 0))
}

// update scrolls with the keys of the shell's pagers.
func (p *planView) update(msg tea.Msg) tea.Cmd {
	k := p.keys
	switch {
	case keyIs(msg, k.Up):
		p.scroll(-1)
	case keyIs(msg, k.Down):
		p.scroll(1)
	case keyIs(msg, k.PageUp):
		p.scroll(-p.h)
	case keyIs(msg, k.PageDown):
		p.scroll(p.h)
	case keyIs(msg, k.Top):
		p.scroll(-len(p.lines))
	case keyIs(msg, k.Bottom):
		p.scroll(len(p.lines))
	}
	return nil
}

// view draws the rows in sight, then the summary with a hint when some
// rows are out of sight.
func (p *planView) view() string {
	end := min(p.offset+p.h, len(p.lines))
	s := strings.Join(p.lines[p.offset:end], "\n") + "\n\n" + p.summary
	switch {
	case end < len(p.lines):
		s += p.st.Muted.Render("  ↓ more below (↑/↓ scroll)")
	case p.offset > 0:
		s += p.st.Muted.Render("  ↑ more above")
	}
	return s
}

// colourByGlyph colours plan and drift lines by glyphStyle.
func colourByGlyph(st *common.Styles, text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = glyphStyle(st, l).Render(l)
	}
	return strings.Join(lines, "\n")
}

// glyphStyle is a plan or drift line's colour: + add, ~ drift, - gone,
// ! error, # comments muted, none for the rest.
func glyphStyle(st *common.Styles, l string) lipgloss.Style {
	t := strings.TrimLeft(l, " ")
	switch {
	case strings.HasPrefix(t, "-/+"):
		return st.Drift
	case strings.HasPrefix(t, common.GlyphAdd):
		return st.Add
	case strings.HasPrefix(t, common.GlyphDrift):
		return st.Drift
	case strings.HasPrefix(t, common.GlyphGone):
		return st.Gone
	case strings.HasPrefix(t, common.GlyphError):
		return st.Error
	case strings.HasPrefix(t, "#"):
		return st.Muted
	}
	return lipgloss.NewStyle()
}
