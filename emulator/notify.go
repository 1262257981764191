package emulator

import (
	"context"
	"strings"
	"sync"
)

// notifier tells its subscribers that something happened, without
// blocking the teller: each subscriber's channel holds one pending tell,
// which covers every tell until it is read.
type notifier struct {
	mu   sync.Mutex
	subs map[chan struct{}]bool
}

func (n *notifier) subscribe(ctx context.Context) <-chan struct{} {
	ch := make(chan struct{}, 1)
	n.mu.Lock()
	if n.subs == nil {
		n.subs = map[chan struct{}]bool{}
	}
	n.subs[ch] = true
	n.mu.Unlock()
	context.AfterFunc(ctx, func() {
		n.mu.Lock()
		delete(n.subs, ch)
		n.mu.Unlock()
	})
	return ch
}

func (n *notifier) tell() {
	n.mu.Lock()
	defer n.mu.Unlock()
	for ch := range n.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// EventsMade tells, until ctx ends, that a request to this emulator made
// events. Events another process made in the same state dir are not told
// here: watch the dir's files for those.
func (e *Emulator) EventsMade(ctx context.Context) <-chan struct{} {
	return e.made.subscribe(ctx)
}

// IsLogFile reports whether a file name in the state dir is one of the
// log store's logs, whose writes are the changes of every process on it.
func IsLogFile(name string) bool {
	return strings.HasPrefix(name, filePrefix) && strings.HasSuffix(name, logSuffix)
}
