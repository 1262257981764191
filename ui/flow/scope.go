package flow

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// requestTimeout bounds one request of a flow; the client retries within it.
const requestTimeout = 60 * time.Second

// flowIDs numbers flows, so a reply that arrives after its flow was closed
// (and another opened) is recognised and dropped.
var flowIDs atomic.Int64

// scope is one flow's lifetime: its number, and the context its requests
// and its apply run under. The context ends when the flow is closed or the
// program ends, whichever comes first.
type scope struct {
	id     int64
	ctx    context.Context
	cancel context.CancelFunc
	ended  *DoneMsg // set as the flow ends, before its DoneMsg arrives
	now    func() time.Time
	// The request in flight: its cancel (esc), when it was sent, and
	// whether the user cancelled it.
	stop    context.CancelFunc
	sent    time.Time
	stopped bool
	// holder is who holds the state lock the request in flight waits
	// for, set from its goroutine (service.OnLockWait); nil while none.
	holder *atomic.Pointer[string]
	// guest: the program serves a guest of tokenscope serve, who is told
	// what holds the lock, not which server user and process.
	guest bool
}

func newScope(pc *common.ProgramContext) scope {
	ctx, cancel := context.WithCancel(pc.Ctx)
	return scope{id: flowIDs.Add(1), ctx: ctx, cancel: cancel, now: pc.Now, guest: pc.Guest}
}

// cancelRequest cancels the request in flight (esc while it hangs): its
// reply comes back at once with a request_cancelled error.
func (sc *scope) cancelRequest() {
	if sc.stop != nil {
		sc.stop()
		sc.stopped = true
	}
}

// waiting is how long the request in flight has been waiting, beside its
// spinner: "3s · esc cancels", "3s · cancelling…".
func (sc *scope) waiting() string {
	s := fmt.Sprintf("%ds · ", int(sc.now().Sub(sc.sent)/time.Second))
	if sc.stopped {
		return s + "cancelling…"
	}
	return s + "esc cancels"
}

// inFlight is the line of the request in flight: its spinner, what it
// does and how long it has waited; while its write waits for the state
// lock another tokenscope holds, that wait and who holds it instead
// (the request is not sent yet), on a second row.
func (sc *scope) inFlight(spin, doing string) string {
	if h := sc.lockHolder(); h != "" {
		return spin + " Waiting for the state lock…  " + sc.waiting() + "\n   held by " + h
	}
	return spin + " " + doing + "  " + sc.waiting()
}

// lockHolder is who holds the state lock the request in flight waits
// for, "" when it does not wait.
func (sc *scope) lockHolder() string {
	if sc.holder == nil {
		return ""
	}
	if h := sc.holder.Load(); h != nil {
		return *h
	}
	return ""
}

// Close cancels whatever the flow still has in flight.
func (sc *scope) Close() { sc.cancel() }

// finish ends the flow: the command delivers its DoneMsg to the shell,
// and Finished says so at once, for the keys that came with the one that
// ended it (the shell closes the flow before routing them).
func (sc *scope) finish(rec *model.Record, status string, cancelled bool) tea.Cmd {
	m := DoneMsg{Flow: sc.id, Record: rec, Status: status, Cancelled: cancelled}
	sc.ended = &m
	return func() tea.Msg { return m }
}

// cancelled ends a flow the user backed out of, with nothing to say:
// nothing was in flight (esc on a request cancels that request, not the
// flow), so "cancelled" only spoke of the esc just pressed.
func (sc *scope) cancelled() tea.Cmd { return sc.finish(nil, "", true) }

// Finished is the DoneMsg of a flow that has ended, its command not yet
// delivered.
func (sc *scope) Finished() (DoneMsg, bool) {
	if sc.ended == nil {
		return DoneMsg{}, false
	}
	return *sc.ended, true
}

// reply carries the result of a request back to the flow that sent it.
type reply struct {
	flow int64
	rec  model.Record
	use  model.Use
	obj  model.Object // an object read or moved on (object.go)
	// also is the object read with obj that decides its moves (a
	// customer's bank account); nil when none.
	also *model.Object
	// feed is the object pane's, started by its read (objectlive.go);
	// nil when it did not start one.
	feed *service.ObjectFeed
	err  error
}

// request runs fn off the Update loop, under a context of its own (a
// child of the flow's, made here in Update so esc can cancel it), and
// delivers its reply.
func (sc *scope) request(fn func(ctx context.Context) reply) tea.Cmd {
	ctx, cancel := context.WithTimeout(sc.ctx, requestTimeout)
	sc.stop, sc.sent, sc.stopped = cancel, sc.now(), false
	holder := new(atomic.Pointer[string])
	sc.holder = holder
	say := views.LockHolder
	if sc.guest {
		say = views.LockHolderForGuest
	}
	ctx = service.OnLockWait(ctx, func(h model.LockHolder) {
		text := say(h)
		holder.Store(&text)
	})
	id := sc.id
	return func() tea.Msg {
		defer cancel()
		r := fn(ctx)
		r.flow = id
		return r
	}
}
