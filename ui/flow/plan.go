package flow

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
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
	actions []views.Line // the plan's actions
	lines   []string     // the actions wrapped to the width, styled by kind
	summary string
	w, h    int // h: rows for the actions
	offset  int
	// opened is when the plan came on screen; an enter sooner than
	// pc.PlanSettle after it was typed ahead and does not apply it
	// (confirm), which early notes.
	pc     *common.ProgramContext
	opened time.Time
	early  bool
}

func newPlanView(pc *common.ProgramContext, w, h int, changes ...model.Change) *planView {
	plan := model.Plan{Target: pc.Backend.Label(), Changes: changes}
	p := (&planView{st: pc.Styles, keys: pc.Keys, actions: views.PlanActions(plan), summary: views.PlanSummary(plan)}).shown(pc)
	p.setSize(w, h)
	return p
}

// shown starts the plan's time on screen, from which confirm counts.
func (p *planView) shown(pc *common.ProgramContext) *planView {
	p.pc, p.opened = pc, pc.Now()
	return p
}

// setSize fits the plan in w x h cells; two rows go to a blank line and
// the summary. Lines wider than w wrap at spaces under their value (past
// "+ source = "), so a note such as the test card's expected outcome is
// read whole, not cut.
func (p *planView) setSize(w, h int) {
	p.w, p.h = max(w, 1), max(h-2, 1)
	p.lines = common.StyleLines(p.st, p.actions, p.w)
	p.scroll(0)
}

func (p *planView) scroll(by int) {
	p.offset = min(max(p.offset+by, 0), max(len(p.lines)-p.rows(), 0))
}

// earlyNote says why an enter typed ahead did not apply the plan.
const earlyNote = "enter came with the keys that opened this plan, before it could be read: press enter again to apply"

// note is the plan's note under its summary, "" when none.
func (p *planView) note() string {
	if !p.early {
		return ""
	}
	return p.st.Muted.Render(common.Wrap(earlyNote, p.w))
}

// rows is the room for the actions: the note takes its lines and a
// blank from them, so it is read whole at 80x24 (it was cut).
func (p *planView) rows() int {
	if n := p.note(); n != "" {
		return max(p.h-strings.Count(n, "\n")-2, 1)
	}
	return p.h
}

// confirm reports whether an enter may apply the plan: not one that came
// with the keys that opened it, before it could be read ("u enter enter"
// in one write would otherwise choose a use and send it). The plan then
// says why it is still there.
func (p *planView) confirm() bool {
	p.early = !p.pc.Settled(p.opened)
	p.scroll(0)
	return !p.early
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
		p.scroll(-p.rows())
	case keyIs(msg, k.PageDown):
		p.scroll(p.rows())
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
	end := min(p.offset+p.rows(), len(p.lines))
	s := strings.Join(p.lines[p.offset:end], "\n") + "\n\n" + p.summary
	switch {
	case end < len(p.lines):
		s += p.st.Muted.Render("  ↓ more below (↑/↓ scroll)")
	case p.offset > 0:
		s += p.st.Muted.Render("  ↑ more above")
	}
	if n := p.note(); n != "" {
		s += "\n\n" + n
	}
	return s
}
