package emulator

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// committer makes a log store's changes durable, many at a time (group
// commit). A request that changed the state, or read it, waits until the
// state it saw is on disk. The first to wait while no fsync runs becomes
// the leader: it fsyncs everything appended so far, for itself and for
// all who appended meanwhile, then wakes them. Those who appended while
// that fsync ran are the next group, led by one of them. So the requests
// that arrive together share one fsync, a lone request waits for its own
// only, and no goroutine runs when nothing is written (an emulator nobody
// closes leaks nothing).
type committer struct {
	mu      sync.Mutex
	durable uint64        // the state up to this seq is on disk
	syncing bool          // a leader is fsyncing
	done    chan struct{} // closed when it is done
	err     error         // an fsync failed: what was written may be lost, so nothing is trusted any more
	// lost are the states a failed write undid (pending.go): a request
	// that saw one is answered its error.
	lost []lostStates

	// crowd is how many updates of this process the last fsync found
	// written or saw written while it ran: the writers likely to come
	// back together. A leader waits a little for as many to be written
	// (linger), so that 16 clients share one fsync rather than two
	// groups of 8 taking turns; a lone writer (crowd 1) never waits.
	// Changes read from other processes' writes are not counted: they
	// are no writer of this process coming back.
	crowd uint64
	// updates counts the updates this store has written; synced is
	// the count the last fsync covered.
	updates atomic.Uint64
	synced  uint64
	// wrote wakes a lingering leader when an update is written (made
	// with the store, buffered 1).
	wrote chan struct{}
	// took is how long the last fsync took: a leader lingers at most as
	// long. Lingering for the crowd costs its requests at most one more
	// fsync's time, and spares the fsync, write and lock of a second
	// group: with 16 clients a quarter of it left groups of 9, and
	// cost about a tenth more CPU per request than the whole of it.
	took time.Duration
}

// lostStates are the states after seq from and up to seq to, undone.
type lostStates struct {
	from, to uint64
	err      error
}

// fail says that the states after from and up to to are lost, err
// saying why.
func (c *committer) fail(from, to uint64, err error) {
	c.mu.Lock()
	c.lost = append(c.lost, lostStates{from, to, err})
	c.mu.Unlock()
}

// lostErr is why the state seq was undone, nil if it was not; the caller
// holds mu.
func (c *committer) lostErr(seq uint64) error {
	for _, l := range c.lost {
		if seq > l.from && seq <= l.to {
			return l.err
		}
	}
	return nil
}

// written counts an update written (the caller holds the store's mu)
// and tells a lingering leader.
func (c *committer) written() {
	c.updates.Add(1)
	select {
	case c.wrote <- struct{}{}:
	default:
	}
}

// linger waits until crowd updates since the synced-th are written, or
// as long as the last fsync took.
func (c *committer) linger(synced, crowd uint64, took time.Duration) {
	if crowd <= 1 || took <= 0 {
		return
	}
	timer := time.NewTimer(took)
	defer timer.Stop()
	for c.updates.Load() < synced+crowd {
		select {
		case <-c.wrote:
		case <-timer.C:
			return
		}
	}
}

// wait returns once s's state up to seq is on disk.
func (c *committer) wait(s *logStore, seq uint64) error {
	for {
		c.mu.Lock()
		if err := c.lostErr(seq); err != nil {
			c.mu.Unlock()
			return err
		}
		switch {
		case c.err != nil:
			err := c.err
			c.mu.Unlock()
			return err
		case c.durable >= seq:
			c.mu.Unlock()
			return nil
		case c.syncing:
			done := c.done
			c.mu.Unlock()
			<-done
			continue
		}
		c.syncing, c.done = true, make(chan struct{})
		synced, crowd, took := c.synced, c.crowd, c.took
		c.mu.Unlock()

		c.linger(synced, crowd, took)
		start := time.Now()
		upTo, updates, err := s.syncFiles()
		took = time.Since(start)

		c.mu.Lock()
		c.syncing = false
		if err != nil {
			c.err = err
		} else {
			c.durable = max(c.durable, upTo)
			c.crowd = c.updates.Load() - synced
			c.synced = max(c.synced, updates)
			c.took = took
		}
		close(c.done)
		c.mu.Unlock()
	}
}

// syncFiles writes what is pending (pending.go) and fsyncs the logs:
// those replaced since the last fsync (then closed) and the current one.
// It returns the seq of the state they hold and the count of this
// store's updates in it. The store's lock is held only to read which
// files those are.
func (s *logStore) syncFiles() (uint64, uint64, error) {
	s.mu.Lock()
	if s.wl.queued.Load() > 0 {
		s.flush() // the next update keeps the lock
	} else {
		s.dropWriteLock()
	}
	upTo, updates, current, retired := s.seq, s.commit.updates.Load(), s.log, s.retired
	s.retired = nil
	s.mu.Unlock()
	var errs []error
	for _, f := range retired {
		if err := syncFile(f); err != nil {
			errs = append(errs, fileError(f.Name(), err))
		}
		f.Close()
	}
	if current != nil {
		if err := syncFile(current); err != nil {
			errs = append(errs, fileError(current.Name(), err))
		}
	}
	return upTo, updates, errors.Join(errs...)
}
