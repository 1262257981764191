package emulator

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// shouldCompact reports whether the files have grown to more than twice
// what the state holds (replaced objects, pruned idempotency records,
// dropped objects): then start-up would read mostly what is no longer
// kept. A log of new objects only is never compacted: it is as small as
// a snapshot of it. The caller holds mu.
func (s *logStore) shouldCompact() bool {
	return !s.compacting && !s.closed && s.logBytes >= s.compact &&
		s.snapBytes+s.logBytes > 2*s.st.bytes
}

// compactInBackground compacts, reporting a failure to Logf: the logs
// are still whole, so a failed compaction loses nothing and the next
// write that finds the logs too big tries again.
func (s *logStore) compactInBackground() {
	defer s.bg.Done()
	err := s.compactOnce()
	s.mu.Lock()
	s.compacting = false
	s.mu.Unlock()
	if err != nil {
		s.logf("compacting %s: %v", s.dir, err)
	}
}

// compactOnce writes the state as a snapshot and removes the files it
// replaces. Requests go on meanwhile: the store's locks are held only to
// start a new log and copy the state, then to remove the old files.
// Another process compacting the same dir holds the compaction lock; then
// this one leaves it to it.
func (s *logStore) compactOnce() error {
	cl, err := fsutil.OpenFileLock(filepath.Join(s.dir, compactLockName))
	if err != nil {
		return err
	}
	defer cl.Close()
	if ok, err := cl.TryLock(); !ok || err != nil {
		return err
	}
	snap, err := s.rotate()
	if err != nil || snap.gen == 0 {
		return err
	}
	size, err := writeSnapshot(s.dir, snap.gen, snap.ops, snap.objects, snap.records)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropWriteLock()
	if err := s.lock.Lock(context.Background(), lockTimeout); err != nil {
		return err
	}
	defer s.lock.Unlock()
	if s.gen == snap.gen {
		s.snapBytes, s.logBytes = size, s.end
	}
	return tidy(s.dir)
}

// snapshotPlan is a state to write as the snapshot of generation gen.
type snapshotPlan struct {
	gen              uint64
	ops              []op
	objects, records int
}

// rotate closes the current log with a recNext record, fsyncs it, starts
// the next log and copies the state as it is at the end of the closed one.
// Other processes follow the recNext to the new log. It returns a zero
// plan when there is nothing to compact.
func (s *logStore) rotate() (snapshotPlan, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return snapshotPlan{}, nil
	}
	s.dropWriteLock()
	if err := s.writeLock(context.Background()); err != nil {
		return snapshotPlan{}, err
	}
	defer s.lock.Unlock()
	if err := s.catchUp(true); err != nil {
		return snapshotPlan{}, err
	}
	if s.log == nil {
		return snapshotPlan{}, nil
	}
	next := s.gen + 1
	rec := appendNumbers(nil, recNext, next)
	if _, err := s.log.WriteAt(rec, s.end); err != nil {
		_ = s.log.Truncate(s.end)
		return snapshotPlan{}, fileError(s.log.Name(), err)
	}
	// The closed log is whole on disk before the next one exists, so a
	// crash never leaves a torn record anywhere but in the last log.
	if err := s.log.Sync(); err != nil {
		return snapshotPlan{}, fileError(s.log.Name(), err)
	}
	s.retired = append(s.retired, s.log)
	s.log, s.gen = nil, next
	f, end, err := createLog(s.dir, next)
	if err != nil {
		// The next write creates it.
		return snapshotPlan{}, fmt.Errorf("create %s: %w", logName(next), err)
	}
	s.log, s.end, s.filled = f, end, end
	s.snapBytes, s.logBytes = s.snapBytes+s.logBytes, end
	return snapshotPlan{gen: next, ops: s.st.snapshotOps(), objects: s.st.objects, records: len(s.st.idem)}, nil
}
