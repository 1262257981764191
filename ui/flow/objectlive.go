package flow

import (
	"context"
	"errors"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// live is an object pane's following of the events about its object
// (service.ObjectFeed), so that what another tokenscope, a webhook's
// handler, the emulator settling a refund or dispute, or Stripe itself
// does to the object shows without r. An event about it reads the
// object again quietly: no spinner, the scroll and any form kept; never
// while a request of the pane is in flight or a form or plan is open,
// but once they close. What the read changed in the pane's rows shows
// under them as drift reads, with the events that told of it.
type live struct {
	ctx  context.Context // the feed's: it ends when the pane closes
	stop context.CancelFunc
	feed *service.ObjectFeed // nil until started
	// starting: the read in flight starts the feed.
	starting bool
	// told are the types of the events about the object not yet read
	// again for (distinct, the first maxTold).
	told []string
	// reading: a quiet read is in flight; gen numbers the pane's own
	// requests, so a quiet read that a request of the person's has
	// overtaken is dropped (that request read the object later).
	reading bool
	cancel  context.CancelFunc
	gen     int
	// changes are what the last quiet read found changed.
	changes []views.Line
}

// maxTold bounds the event types one change line names.
const maxTold = 4

// objectEvents is a look of the pane's feed: the events about its
// object made since the last.
type objectEvents struct {
	flow int64
	evs  []model.Event
	err  error
}

// objectReread is a quiet read of the pane's object, for the events of
// why.
type objectReread struct {
	flow int64
	gen  int
	obj  model.Object
	rel  *model.Object
	why  []string
	err  error
}

// feedStart is what a read of the pane's does first until the feed has
// started: make it, and mark the newest event, under the read's ctx (esc
// cancels it too), so an event made after the object is read is not
// missed. nil once the feed runs. A feed that cannot start leaves the
// pane as it was without one: r reads it again.
func (o *Object) feedStart() func(ctx context.Context) *service.ObjectFeed {
	l := &o.live
	if l.feed != nil || l.starting || o.pc.StillObjects {
		return nil
	}
	l.starting = true
	l.ctx, l.stop = context.WithCancel(o.ctx)
	s, id, fctx := o.pc.Session, o.objID, l.ctx
	return func(ctx context.Context) *service.ObjectFeed {
		feed, err := s.FeedObject(fctx, id, 0)
		if err == nil {
			err = feed.Start(ctx)
		}
		if err != nil {
			return nil
		}
		return feed
	}
}

// supersede is a request of the person's starting: a quiet read in
// flight is dropped, as what it would show is read by the request or
// the read after it. A read of the person's (r, or after a move) also
// covers the events told so far, and what the last quiet read found
// changed is past: the rows now say what is true.
func (o *Object) supersede(act objectAction) {
	l := &o.live
	if l.cancel != nil {
		l.cancel()
	}
	l.reading, l.gen = false, l.gen+1
	if act == actLoad {
		l.told, l.changes = nil, nil
	}
}

// updateLive handles the feed's messages and the feed a read started;
// done says msg was the feed's alone.
func (o *Object) updateLive(msg tea.Msg) (cmd tea.Cmd, done bool) {
	l := &o.live
	switch m := msg.(type) {
	case reply:
		if m.flow != o.id || !l.starting {
			return nil, false
		}
		l.starting = false
		if m.feed == nil {
			l.stop() // its wake-ups end; the next read tries again
			return nil, false
		}
		l.feed = m.feed
		return o.look(), false
	case objectEvents:
		if m.flow != o.id {
			return nil, true
		}
		for _, ev := range m.evs {
			l.tell(ev.Type)
		}
		return tea.Batch(o.look(), feedFailed(o.pc, "following "+views.Clean(o.objID), m.err, true)), true
	case objectReread:
		if m.flow != o.id || m.gen != l.gen {
			return nil, true
		}
		l.reading = false
		if o.busy || o.mv != nil {
			// A form or a request opened meanwhile: read again once it
			// closes, not under it.
			later := l.told
			l.told = nil
			l.tell(append(m.why, later...)...)
			return nil, true
		}
		if m.err != nil {
			return feedFailed(o.pc, "reading "+views.Clean(o.objID), m.err, true), true
		}
		if o.obj == nil { // the first read failed: nothing was shown to change
			o.obj, o.rel = &m.obj, m.rel
			return nil, true
		}
		before := o.paneRows()
		o.obj, o.rel = &m.obj, m.rel
		if ch := views.ObjectChanges(before, o.paneRows(), m.why); len(ch) > 0 {
			l.changes = ch
		}
		o.refitForms()
		return nil, true
	}
	return nil, false
}

// refitForms, once the object is read again (quietly or not), drops the
// forms kept as typed (esc) that were filled from the object as it was
// and no longer hold (what remains to refund or capture, the customer's
// currency): their move opens afresh, filled from the object as it is.
func (o *Object) refitForms() {
	subj := o.subject()
	for m, sp := range o.specs {
		if fresh := newMoveSpec(m, subj); fresh.most != sp.most || fresh.amountHint != sp.amountHint {
			delete(o.specs, m)
		}
	}
}

// tell notes the types of events about the object, each once, the first
// maxTold.
func (l *live) tell(types ...string) {
	for _, t := range types {
		if !slices.Contains(l.told, t) && len(l.told) < maxTold {
			l.told = append(l.told, t)
		}
	}
}

// look waits for the feed to wake, then reads the events about the
// object made since; nothing once the pane has closed.
func (o *Object) look() tea.Cmd {
	feed, ctx, flow := o.live.feed, o.live.ctx, o.id
	return func() tea.Msg {
		if err := feed.Wait(ctx); err != nil {
			return nil
		}
		evs, err := feed.Next(ctx)
		return objectEvents{flow: flow, evs: evs, err: err}
	}
}

// rereadIfIdle reads the object again, quietly, when events told of a
// change and the pane is idle: no request in flight, no form or plan
// open, no quiet read already on its way.
func (o *Object) rereadIfIdle() tea.Cmd {
	l := &o.live
	if len(l.told) == 0 || l.reading || o.busy || o.mv != nil || o.ended != nil {
		return nil
	}
	why := l.told
	l.told, l.reading = nil, true
	ctx, cancel := context.WithTimeout(service.FollowUp(l.ctx), requestTimeout)
	l.cancel = cancel
	pc, id, flow, gen := o.pc, o.objID, o.id, l.gen
	return func() tea.Msg {
		defer cancel()
		obj, err := pc.Session.Object(ctx, id)
		var rel *model.Object
		if err == nil {
			rel = readRelated(ctx, pc, obj)
		}
		return objectReread{flow: flow, gen: gen, obj: obj, rel: rel, why: why, err: err}
	}
}

// changeLines are what the last quiet read found changed, as the pane
// lays out its lines (one cell in, wrapped under their text).
func (o *Object) changeLines() []string {
	ls := make([]views.Line, len(o.live.changes))
	for i, l := range o.live.changes {
		l.Lead = " " + l.Lead
		ls[i] = l
	}
	return common.StyleLines(o.pc.Styles, ls, o.w)
}

// feedFailed puts a live view's failed read in the status line (it
// stays until the next key); the view keeps what it showed, and with
// again looks again at the next change. A cancelled read is the view
// closing, and says nothing.
func feedFailed(pc *common.ProgramContext, what string, err error, again bool) tea.Cmd {
	if err == nil || errors.Is(err, context.Canceled) {
		return nil
	}
	text := common.GlyphError + " " + what + ": " + views.Clean(errText(pc, err))
	if again {
		text += " · tried again at the next change"
	}
	return func() tea.Msg { return NoteMsg{Text: text, Err: true} }
}
