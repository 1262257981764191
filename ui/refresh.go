package ui

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// refreshTitle titles the refresh-all report.
const refreshTitle = "Refresh all"

// refreshRun is a refresh of the whole workspace as it runs and ends.
type refreshRun struct {
	done, total int
	finished    bool
	report      model.RefreshReport
	stop        context.CancelFunc // esc
	cancelled   bool
	// read is how many tokens had been read when esc was pressed (those
	// cut off count as done afterwards).
	read int
}

// oneRefresh is the refresh of one token in flight: r, or a stale token
// opened (in the background, which esc leaves alone: nobody asked for it).
type oneRefresh struct {
	stop       context.CancelFunc
	background bool
	cancelled  bool
}

// cancelNote ends the spinner's label of a refresh esc can cancel.
const cancelNote = " · esc cancels"

// refreshOne re-reads one token. In the background (a stale token was
// opened) a failure is a status line; asked for with r, it is an error pane.
func (a *App) refreshOne(id string, background bool) tea.Cmd {
	if a.pc.Session == nil || a.inflight[id] != nil {
		return nil
	}
	ctx, stop := context.WithCancel(a.pc.Ctx)
	a.inflight[id] = &oneRefresh{stop: stop, background: background}
	label := "refreshing " + id
	if !background {
		label += cancelNote
	}
	s := a.pc.Session
	return tea.Batch(a.startBusy(label), func() tea.Msg {
		defer stop()
		rep, err := s.Refresh(ctx, []string{id}, nil)
		return refreshedMsg{id: id, background: background, report: rep, err: err}
	})
}

// refreshAll re-reads every token with a progress bar, then shows the
// drift report. Progress arrives through a channel the command drains one
// message at a time, the usual way to stream into a bubbletea program;
// once the program's context ends nobody drains it, and neither side waits.
// The refresh itself runs under a context of its own, which esc cancels.
func (a *App) refreshAll() tea.Cmd {
	if a.pc.Session == nil || a.refresh != nil {
		return nil
	}
	rctx, stop := context.WithCancel(a.pc.Ctx)
	a.refresh = &refreshRun{total: a.list.len(), stop: stop}
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
		defer stop()
		return s.Refresh(rctx, nil, progress)
	})
	return tea.Batch(a.startBusy("refreshing all tokens"+cancelNote), next)
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

// cancelRefresh cancels the refreshes the user asked for (r, R) that are
// in flight, and says whether there was one. Their replies say what
// became of them.
func (a *App) cancelRefresh() bool {
	found := false
	if run := a.refresh; run != nil && !run.cancelled {
		run.stop()
		run.cancelled, run.read, found = true, run.done, true
	}
	for _, r := range a.inflight {
		if !r.background && !r.cancelled {
			r.stop()
			r.cancelled, found = true, true
		}
	}
	if found {
		a.busyLabel = "cancelling…"
	}
	return found
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
	if msg.id == "" {
		return a.refreshedAll(msg)
	}
	one := a.inflight[msg.id]
	delete(a.inflight, msg.id)
	err := msg.err
	if err == nil {
		err = msg.report.Errors[msg.id]
	}
	switch {
	case msg.err != nil && one != nil && one.cancelled:
		// Refresh records nothing until every answer is in.
		a.setStatus("refresh of " + msg.id + " cancelled: nothing recorded, the state is as it was")
		return nil
	case err != nil && msg.background:
		a.setError(common.GlyphError + " " + msg.id + ": background refresh failed: " + common.ErrorLine(a.pc, err))
	case err != nil:
		a.showError("refresh of "+msg.id+" failed", err)
	case len(msg.report.Drifts) == 0:
		a.setStatus(msg.id + " refreshed: no change")
	default:
		var ds []string
		for _, d := range msg.report.Drifts {
			ds = append(ds, views.DriftLine(d).Text)
		}
		a.setStatus(strings.Join(ds, "; "))
	}
	return a.loadCmd()
}

// refreshedAll shows how refresh all ended: the report in its pane, or
// what a cancel left.
func (a *App) refreshedAll(msg refreshedMsg) tea.Cmd {
	run := a.refresh
	a.refresh = nil
	if msg.err != nil && run.cancelled {
		a.setStatus(fmt.Sprintf("refresh all cancelled after %d of %d tokens: nothing recorded, the state is as it was", run.read, run.total))
		return nil
	}
	if msg.err != nil {
		a.showError("refresh failed", msg.err)
		return a.loadCmd()
	}
	run.finished, run.report = true, msg.report
	a.pager.reload()
	if !a.reportInSight() {
		// The report ends with the summary; the status line says it only
		// when the report is not there to say it.
		a.setStatus(views.RefreshSummary(msg.report))
	}
	return a.loadCmd()
}

// reportInSight: the refresh report is shown, or is under the pager
// shown, where esc returns to it.
func (a *App) reportInSight() bool {
	if a.mode != modePager {
		return false
	}
	if a.pager.title == refreshTitle {
		return true
	}
	for _, p := range a.under {
		if p.title == refreshTitle {
			return true
		}
	}
	return false
}
