package emulator

import "os"

// The records of the updates made under one hold of the write lock are
// written together, with one write: by the commit leader before its fsync,
// or when the lock is released. A write per update was a system call of
// every request, and woke every process watching the dir (the webhook
// dispatcher, listen) once per request rather than once per batch. The
// updates are applied to the state at once, as before, and answered only
// once written and fsynced; while the lock is held nobody else reads or
// writes the log, so nobody sees it without them.

// writeAt is (*os.File).WriteAt, the log store's every write of records;
// tests count and fail them.
var writeAt = (*os.File).WriteAt

// flush writes the pending records at the end of the log. Where the
// write fails, the updates they hold are undone (unwritten). The caller
// holds mu and the write lock.
func (s *logStore) flush() {
	if len(s.pending) == 0 {
		return
	}
	at := s.end - int64(len(s.pending))
	buf := s.padded(s.pending, at)
	_, err := writeAt(s.log, buf, at)
	if err != nil && len(buf) > len(s.pending) {
		// A disk without room for the padding may have room for the
		// records: a nearly full disk takes writes, only slower. The
		// zeros the failed write left behind them are cut off, or they
		// would keep the space the state file needs.
		buf = s.pending
		if _, err = writeAt(s.log, buf, at); err == nil {
			_ = s.log.Truncate(at + int64(len(buf))) // zeros only: kept, they do no harm
		}
	}
	if err != nil {
		s.unwritten(at, fileError(s.log.Name(), err))
		return
	}
	s.filled = max(s.filled, at+int64(len(buf)))
	s.writtenSeq = s.seq
	s.pending = s.pending[:0]
	if cap(s.pending) > 1<<20 {
		s.pending = nil // one big request does not keep a big buffer
	}
}

// unwritten undoes the pending updates after their write failed (a full
// disk): a part written must not sit before the next record, so the log
// is cut back to at, and the state read again from the files; the
// requests that made or read those updates are answered err. The caller
// holds mu and the write lock.
func (s *logStore) unwritten(at int64, err error) {
	from, to := s.writtenSeq, s.seq
	s.pending = nil
	if terr := s.log.Truncate(at); terr != nil {
		s.commit.fail(from, ^uint64(0), err) // the log may hold a torn record: trust nothing
		return
	}
	s.end, s.filled = at, at
	if rerr := s.reload(true); rerr != nil {
		s.commit.fail(from, ^uint64(0), err)
		return
	}
	s.commit.fail(from, to, err)
}
