package flow

import (
	"context"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
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
}

func newScope(pc *common.ProgramContext) scope {
	ctx, cancel := context.WithCancel(pc.Ctx)
	return scope{id: flowIDs.Add(1), ctx: ctx, cancel: cancel}
}

// Close cancels whatever the flow still has in flight.
func (sc scope) Close() { sc.cancel() }

// reply carries the result of a request back to the flow that sent it.
type reply struct {
	flow int64
	rec  model.Record
	use  model.Use
	err  error
}

// request runs fn off the Update loop, under the flow's context, and
// delivers its reply.
func (sc scope) request(fn func(ctx context.Context) reply) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(sc.ctx, requestTimeout)
		defer cancel()
		r := fn(ctx)
		r.flow = sc.id
		return r
	}
}
