package ui

import (
	"context"
	"runtime/debug"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// Messages of the shell's own commands. Every API call and state read runs
// as a tea.Cmd and comes back as one of these, so Update never blocks.
type (
	loadedMsg struct {
		tokens []model.Record
		err    error
		gen    int
	}
	refreshedMsg struct {
		id         string // "" for refresh all
		background bool
		report     model.RefreshReport
		err        error
	}
	progressMsg struct {
		done, total int
		next        tea.Cmd // waits for the next progress or the end
	}
	copiedMsg struct{ status string }
	// stateChangedMsg: the state file changed on disk; changes tells of
	// the next change.
	stateChangedMsg struct{ changes <-chan struct{} }
	settledMsg      struct{ seq int }
)

// refreshTitle titles the refresh-all report.
const refreshTitle = "Refresh all"

// refreshRun is a refresh of the whole workspace as it runs and ends.
type refreshRun struct {
	done, total int
	finished    bool
	report      model.RefreshReport
}

// loadTokens reads the workspace's tokens, newest first, from the state.
func loadTokens(s *service.Session) ([]model.Record, error) {
	if s == nil {
		return nil, nil
	}
	tokens, err := s.Tokens()
	if err != nil {
		return nil, err
	}
	// Reading the workspace decodes the whole state file; the Go runtime
	// keeps that freed peak unless asked, which alone takes a
	// 10,000-token TUI past its 40 MB RSS budget. Hand it back to the OS,
	// off the render path.
	go debug.FreeOSMemory()
	return tokens, nil
}

// awaitChange waits for the state file's next change, or for the program
// to end.
func awaitChange(ctx context.Context, changes <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-changes:
			return stateChangedMsg{changes: changes}
		case <-ctx.Done():
			return nil
		}
	}
}

func (a *App) loadCmd() tea.Cmd {
	s, gen := a.pc.Session, a.gen
	return func() tea.Msg {
		tokens, err := loadTokens(s)
		return loadedMsg{tokens: tokens, err: err, gen: gen}
	}
}

func (a *App) loaded(msg loadedMsg) tea.Cmd {
	if msg.gen != a.gen {
		return a.loadCmd() // a flow's record arrived meanwhile: read again
	}
	if msg.err != nil {
		a.showError("cannot read the state", msg.err)
		return nil
	}
	a.list.setTokens(msg.tokens)
	a.pager.reload()
	return nil
}

// startBusy counts an API call in flight and starts the spinner with the
// first one.
func (a *App) startBusy(label string) tea.Cmd {
	a.busy++
	a.busyLabel = label
	if a.busy == 1 {
		return a.spin.Tick
	}
	return nil
}

func (a *App) endBusy() { a.busy = max(a.busy-1, 0) }

// refreshOne re-reads one token. In the background (a stale token was
// opened) a failure is a status line; asked for with r, it is an error pane.
func (a *App) refreshOne(id string, background bool) tea.Cmd {
	if a.pc.Session == nil || a.inflight[id] {
		return nil
	}
	a.inflight[id] = true
	s, ctx := a.pc.Session, a.pc.Ctx
	return tea.Batch(a.startBusy("refreshing "+id), func() tea.Msg {
		rep, err := s.Refresh(ctx, []string{id}, nil)
		return refreshedMsg{id: id, background: background, report: rep, err: err}
	})
}

// refreshAll re-reads every token with a progress bar, then shows the
// drift report. Progress arrives through a channel the command drains one
// message at a time, the usual way to stream into a bubbletea program;
// once the program's context ends nobody drains it, and neither side waits.
func (a *App) refreshAll() tea.Cmd {
	if a.pc.Session == nil || a.refresh != nil {
		return nil
	}
	a.refresh = &refreshRun{total: a.list.len()}
	run := a.refresh
	a.openPager(refreshTitle, func(w int) string { return a.reportText(run, w) })
	s, ctx := a.pc.Session, a.pc.Ctx
	ch := make(chan tea.Msg, 64)
	var next tea.Cmd
	next = func() tea.Msg {
		select {
		case msg := <-ch:
			if p, ok := msg.(progressMsg); ok {
				p.next = next
				return p
			}
			return msg
		case <-ctx.Done():
			return nil
		}
	}
	go streamRefresh(ctx, ch, func(progress func(done, total int)) (model.RefreshReport, error) {
		return s.Refresh(ctx, nil, progress)
	})
	return tea.Batch(a.startBusy("refreshing all tokens"), next)
}

// streamRefresh runs refresh and sends its progress, then its end, to ch.
// Progress may be dropped when ch is full; the end may not, unless ctx
// has ended and nobody will read it.
func streamRefresh(ctx context.Context, ch chan<- tea.Msg, refresh func(progress func(done, total int)) (model.RefreshReport, error)) {
	rep, err := refresh(func(done, total int) {
		select {
		case ch <- progressMsg{done: done, total: total}:
		default:
		}
	})
	select {
	case ch <- refreshedMsg{report: rep, err: err}:
	case <-ctx.Done():
	}
}

func (a *App) progressed(msg progressMsg) tea.Cmd {
	if a.refresh != nil {
		a.refresh.done, a.refresh.total = msg.done, msg.total
		a.pager.reload()
	}
	return msg.next
}

func (a *App) refreshed(msg refreshedMsg) tea.Cmd {
	a.endBusy()
	if msg.id == "" { // refresh all
		run := a.refresh
		a.refresh = nil
		if msg.err != nil {
			a.showError("refresh failed", msg.err)
			return a.loadCmd()
		}
		run.finished, run.report = true, msg.report
		a.pager.reload()
		if a.mode != modePager || a.pager.title != refreshTitle {
			// The report ends with the summary; the status line says it
			// only when the report is no longer on screen.
			a.status = views.RefreshSummary(msg.report)
		}
		return a.loadCmd()
	}
	delete(a.inflight, msg.id)
	err := msg.err
	if err == nil {
		err = msg.report.Errors[msg.id]
	}
	switch {
	case err != nil && msg.background:
		a.status = common.GlyphError + " " + msg.id + ": background refresh failed: " + err.Error()
	case err != nil:
		a.showError("refresh of "+msg.id+" failed", err)
	case len(msg.report.Drifts) == 0:
		a.status = msg.id + " refreshed: no change"
	default:
		var ds []string
		for _, d := range msg.report.Drifts {
			ds = append(ds, views.DriftLine(d).Text)
		}
		a.status = strings.Join(ds, "; ")
	}
	return a.loadCmd()
}

// copyID puts the id on the clipboard with OSC 52, which the terminal (even
// at the far end of SSH) handles; terminals that ignore it lose nothing but
// the copy, and the status line says where else to find the id.
func (a *App) copyID(id string) tea.Cmd {
	// One status line: the id whole, the advice as long as it fits.
	done := "copied " + id + " to the clipboard (OSC 52; if your terminal ignores it, select the id in the detail pane)"
	if ansi.StringWidth(done) >= a.width {
		done = "copied " + id + " (OSC 52; nothing to paste? select it in the detail)"
	}
	return a.copyText(id, done)
}
