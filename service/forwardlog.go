package service

import (
	"context"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tokenscope/tokenscope/emulator"
)

// forwardLogDir is where listen keeps its delivery records in the state
// dir when there is no emulator store to keep them in (against Stripe or
// another server): a log store of the same records, bounded.
const forwardLogDir = "listen-log"

// deliveryLog keeps and reads delivery records: the offline emulator's
// store (beside its endpoints'), else the forward log.
type deliveryLog interface {
	LogForward(ctx context.Context, f emulator.Forward) error
	Deliveries(ctx context.Context, events ...string) ([]emulator.Delivery, error)
}

// forwardLogs are the forward logs this process opened, by dir: every
// session on a remote backend shares one per state dir.
var forwardLogs = struct {
	mu   sync.Mutex
	open map[string]*emulator.ForwardLog
}{open: map[string]*emulator.ForwardLog{}}

// deliveryLog is where the session's delivery records are: the
// emulator's store offline, else the forward log in the state dir.
func (s *Session) deliveryLog() (deliveryLog, error) {
	if s.emu != nil {
		return s.emu, nil
	}
	dir := filepath.Join(s.store.Dir(), forwardLogDir)
	forwardLogs.mu.Lock()
	defer forwardLogs.mu.Unlock()
	if l := forwardLogs.open[dir]; l != nil {
		return l, nil
	}
	l, err := emulator.OpenForwardLog(dir)
	if err != nil {
		return nil, err
	}
	forwardLogs.open[dir] = l
	return l, nil
}

// IsListener reports whether a delivery's endpoint is a tokenscope listen
// (its --forward-to), not one of the emulator's webhook endpoints.
func IsListener(endpoint string) bool { return strings.HasPrefix(endpoint, emulator.ListenerPrefix) }
