package ui

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// timelineLimit bounds the events a timeline shows; timelineTimeout the
// reading of them.
const (
	timelineLimit   = 200
	timelineTimeout = 30 * time.Second
)

// eventsMsg is a token's timeline, read off the Update loop.
type eventsMsg struct {
	id    string
	lines []views.Line
	err   error
}

func timelineTitle(id string) string {
	return "Events of " + id + " and all it became (newest first)"
}

// openEvents opens the selected token's timeline (e): its events and
// those of what it became, with the request that caused each and its
// deliveries to the emulator's webhook endpoints.
func (a *App) openEvents(sel *model.Record) tea.Cmd {
	if sel == nil || a.pc.Session == nil {
		a.setStatus("no token selected: n makes one")
		return nil
	}
	id, sess, ctx := sel.ID, a.pc.Session, a.pc.Ctx
	a.openPager(timelineTitle(id), func(int) string { return "reading the events…" })
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, timelineTimeout)
		defer cancel()
		evs, err := sess.Events(ctx, service.EventFilter{For: id, Limit: timelineLimit})
		if err != nil {
			return eventsMsg{id: id, err: err}
		}
		ids := make([]string, len(evs))
		for i, ev := range evs {
			ids[i] = ev.ID
		}
		ds, err := sess.Deliveries(ctx, ids...)
		byEvent := map[string][]views.Delivered{}
		for _, d := range ds {
			byEvent[d.Event] = append(byEvent[d.Event], views.Delivered{Endpoint: d.Endpoint, URL: d.URL, State: d.State,
				Attempts: d.Attempts, Status: d.Status, Latency: d.Latency, Error: d.Error})
		}
		lines := views.TimelineLines(evs, byEvent)
		if len(lines) == 0 {
			lines = []views.Line{{Kind: views.Muted, Text: "No events yet: use the token (u) and what it leads to shows here."}}
		}
		return eventsMsg{id: id, lines: lines, err: err}
	}
}

// showEvents fills the timeline's pager, if it is still open.
func (a *App) showEvents(msg eventsMsg) {
	if a.mode != modePager || a.pager.title != timelineTitle(msg.id) {
		return
	}
	if msg.err != nil {
		err := msg.err
		a.pager.content = func(w int) string { return common.RenderError(a.st, err, w) }
	} else {
		lines := msg.lines
		a.pager.content = func(w int) string { return strings.Join(common.StyleLines(a.st, lines, w), "\n") }
	}
	a.pager.reload()
}
