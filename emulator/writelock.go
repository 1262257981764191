package emulator

import (
	"context"
	"sync/atomic"
)

// maxHeld is how many updates in a row one process may make under one
// take of the write lock: enough that a crowd of requests shares it, few
// enough (a millisecond or so) that another process sharing the dir gets
// its turn.
const maxHeld = 32

// heldLock is the state of the write lock (emulator.lock) between this
// store's updates. Taking and releasing an flock is two system calls, and
// catching up with the log after taking it a third (an fstat): with many
// requests at once they were a tenth of a request's CPU. So an update
// keeps the lock while another one of this process waits for mu, or
// until the commit leader has written the records pending (pending.go):
// the updates that arrive together take it once. While the lock stays
// held nobody else can append, so the next update skips the catch-up
// too.
type heldLock struct {
	held   bool         // the lock is held between updates (guarded by mu)
	streak int          // updates since it was taken (guarded by mu)
	queued atomic.Int32 // Updates waiting for mu
}

// lockForUpdate takes the write lock, unless it is still held, and then
// catches up with what other processes appended. The caller holds mu and
// calls passWriteLock when done, even on an error.
func (s *logStore) lockForUpdate(ctx context.Context) error {
	if s.wl.held {
		return nil
	}
	if err := s.writeLock(ctx); err != nil {
		return err
	}
	s.wl.held = true
	return s.catchUp(true)
}

// passWriteLock ends an update: the write lock is kept, if the update
// went well and the streak is not too long, for the next update waiting,
// or for the commit leader that comes to write and fsync what is pending
// (syncFiles releases it then); otherwise it is released. The caller
// holds mu.
func (s *logStore) passWriteLock(ok bool) {
	if !s.wl.held {
		return
	}
	if ok && (s.wl.queued.Load() > 0 || len(s.pending) > 0) && s.wl.streak < maxHeld {
		s.wl.streak++
		return
	}
	s.dropWriteLock()
}

// dropWriteLock writes what the updates under the write lock left
// pending and releases the lock, if an update kept it: at the end of a
// streak, and before anything that takes the lock by itself
// (compaction). The caller holds mu.
func (s *logStore) dropWriteLock() {
	if s.wl.held {
		s.flush()
		_ = s.lock.Unlock()
		s.wl.held, s.wl.streak = false, 0
	}
}
