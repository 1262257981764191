package emulator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// LogOptions configures a log store.
type LogOptions struct {
	// MaxObjects keeps at most this many objects, dropping the oldest
	// first, and as many idempotency records apart; 0 keeps all.
	MaxObjects int
	// ExpireAfter drops objects created longer ago; 0 keeps them.
	ExpireAfter time.Duration
	// Now is the clock of creation times and expiry; nil means time.Now.
	Now func() time.Time
	// Logf reports what the store repaired (a torn record a crash left) or
	// could not do in the background; nil writes to standard error.
	Logf func(format string, args ...any)
}

const (
	// lockTimeout is how long a write waits for another process's write;
	// each takes microseconds, so only a stuck process makes it run out.
	lockTimeout = 30 * time.Second
	// compactMin is the least log worth compacting: below it, replaying
	// the log at start costs milliseconds.
	compactMin = 4 << 20
)

// logStore keeps the objects in memory and every change in an append-only
// log in the state dir, shared with every process using the same dir:
//
//   - An Update runs under the write lock (emulator.lock, an flock), first
//     reading what other processes appended, then appending its change as
//     one record. Updates that arrive together share one take of the lock
//     (writelock.go) and one write of their records (pending.go). It
//     answers once the record is fsynced, and the fsync is shared: the
//     requests that arrived while one fsync ran are made durable together
//     by the next (commit.go). No lock is held across an fsync.
//   - A View reads the state in memory after one fstat of the log tells
//     it whether another process appended, and, like an Update, answers
//     only once what it read is on disk.
//   - When the logs hold much more than the state, a goroutine writes the
//     state as a snapshot and starts a new log (compact.go), so start-up
//     reads what is kept, not every change ever made.
//
// Start-up reads the newest snapshot and replays the logs after it
// (logfiles.go); a record torn by a crash at the end of the last log is
// dropped with a line to Logf, any other damage is an error naming the
// file.
type logStore struct {
	dir     string
	lim     limits
	now     func() time.Time
	logf    func(string, ...any)
	compact int64 // compactMin, smaller in tests

	mu         sync.RWMutex // guards what follows (commit has its own)
	st         *memState
	dec        *decoder
	seq        uint64           // bumps with every change to st
	gen        uint64           // the log written to
	log        *os.File         // it; nil until it exists
	end        int64            // its bytes applied to st, pending ones too
	filled     int64            // its size: zeros after end (padding.go)
	retired    []*os.File       // logs replaced, to sync and close by the next commit
	lock       *fsutil.FileLock // the write lock; nil until the dir exists
	private    bool             // the dir was made private by a write
	snapBytes  int64            // size of the snapshot the logs follow
	logBytes   int64            // size of the logs since
	pending    []byte           // records applied to st, not yet written (pending.go)
	writtenSeq uint64           // the seq of the state the log holds without pending
	compacting bool
	closed     bool
	bg         sync.WaitGroup // compaction

	commit committer
	wl     heldLock // the write lock between updates (writelock.go)
}

var errClosed = errors.New("emulator: the store is closed")

// OpenLogStore opens the log store in dir, reading its snapshot and logs.
// A dir that does not exist yet is an empty store, made by the first
// write. Where the dir can be written, opening first removes what a crash
// left (temp files, a torn record) and moves an emulator.json of an older
// tokenscope into the log store; where it cannot, the store reads what is
// there and its writes fail.
func OpenLogStore(dir string, opts LogOptions) (Store, error) {
	s := &logStore{
		dir: dir, lim: limits{maxObjects: opts.MaxObjects, expireAfter: opts.ExpireAfter},
		now: opts.Now, logf: opts.Logf, compact: compactMin,
		st: newMemState(), dec: newDecoder(), gen: 1,
		commit: committer{wrote: make(chan struct{}, 1)},
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.logf == nil {
		s.logf = log.New(os.Stderr, "tokenscope emulator: ", 0).Printf
	}
	if err := s.open(); err != nil {
		s.closeFiles()
		return nil, err
	}
	return s, nil
}

func (s *logStore) open() error {
	if _, err := os.Stat(s.dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	lk, err := fsutil.OpenFileLock(filepath.Join(s.dir, lockName))
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return s.openReadOnly()
	}
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	s.lock = lk
	if err := lk.Lock(context.Background(), lockTimeout); err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	defer lk.Unlock()
	if err := tidyUnlessCompacting(s.dir); err != nil {
		return fmt.Errorf("emulator: tidy %s: %w", s.dir, err)
	}
	if err := migrateJSON(s.dir); err != nil {
		return err
	}
	return s.reload(true)
}

// openReadOnly reads a dir this user cannot write to: the log store's
// files, or else an emulator.json.
func (s *logStore) openReadOnly() error {
	files, err := listFiles(s.dir)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	if len(files.logs)+len(files.snapshots) == 0 {
		st, ok, err := readJSONFile(s.dir)
		if ok {
			s.st = st
		}
		return err
	}
	return s.reload(false)
}

// reload reads the state afresh from the files. Without the write lock a
// compaction may remove a file while it reads: then it reads again.
func (s *logStore) reload(locked bool) error {
	var l *loaded
	var err error
	for range 5 {
		if l, err = loadFiles(s.dir, locked, s.logf); !errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	if s.log != nil {
		s.retired = append(s.retired, s.log)
	}
	s.st, s.gen, s.log, s.end, s.filled = l.st, l.gen, l.log, l.end, l.filled
	s.snapBytes, s.logBytes = l.snapBytes, l.logBytes
	s.bump()
	return nil
}

// bump counts a change to st (the caller holds mu).
func (s *logStore) bump() {
	s.seq++
	if len(s.pending) == 0 {
		s.writtenSeq = s.seq
	}
}

// view is the state as requests read it now.
func (s *logStore) view(now time.Time) stateView {
	v := stateView{st: s.st}
	if s.lim.expireAfter > 0 {
		v.notBefore = now.Add(-s.lim.expireAfter).UnixNano()
	}
	return v
}

func (s *logStore) View(_ context.Context, fn func(Reader) error) error {
	if err := s.refresh(); err != nil {
		return err
	}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return errClosed
	}
	err := fn(s.view(s.now()))
	seq := s.seq
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	return s.commit.wait(s, seq)
}

// refresh catches up with the files if another process changed them.
func (s *logStore) refresh() error {
	s.mu.RLock()
	if s.wl.held { // nobody else can have appended
		s.mu.RUnlock()
		return nil
	}
	stale, err := s.stale()
	s.mu.RUnlock()
	if err != nil || !stale {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.catchUp(false)
}

// stale reports whether the files may hold what s has not read: the log
// grew (padding.go), or, before s has a log, one was made.
func (s *logStore) stale() (bool, error) {
	if s.log == nil {
		_, err := os.Stat(filepath.Join(s.dir, logName(s.gen)))
		return err == nil, nil
	}
	return s.grown()
}

// fileSize is f's size, by an fstat that allocates nothing (os.File.Stat
// allocates a FileInfo, on every request here).
func fileSize(f *os.File) (int64, error) {
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
		return 0, err
	}
	return st.Size, nil
}

func (s *logStore) Update(ctx context.Context, fn func(Tx) error) error {
	s.wl.queued.Add(1)
	s.mu.Lock()
	s.wl.queued.Add(-1)
	seq, err := s.update(ctx, fn)
	s.passWriteLock(err == nil)
	s.mu.Unlock()
	if err != nil {
		return err
	}
	if err := s.commit.wait(s, seq); err != nil {
		// No leader may come to write what is pending (an fsync
		// failed): release the lock for the other processes.
		s.mu.Lock()
		s.dropWriteLock()
		s.mu.Unlock()
		return err
	}
	return nil
}

// update runs fn and appends its change; the caller holds mu and then
// calls passWriteLock (writelock.go). It returns
// the state's seq once applied, for the caller to wait until it is on disk.
func (s *logStore) update(ctx context.Context, fn func(Tx) error) (uint64, error) {
	if s.closed {
		return 0, errClosed
	}
	if err := s.lockForUpdate(ctx); err != nil {
		return 0, err
	}
	now := s.now()
	t := newTx(s.view(now))
	if err := fn(t); err != nil {
		return 0, err
	}
	ops, dropped := s.st.plan(t, s.lim, now)
	if len(ops) == 0 {
		return s.seq, nil // what fn read must be on disk all the same
	}
	if err := s.append(ops); err != nil {
		s.st.restore(dropped)
		return 0, err
	}
	for _, o := range ops {
		s.st.apply(o)
	}
	s.bump()
	s.commit.written()
	if s.shouldCompact() {
		s.compacting = true
		s.bg.Add(1)
		go s.compactInBackground()
	}
	return s.seq, nil
}

// writeLock takes the write lock. The first write makes the dir, or takes
// away its group and other bits (a read never changes them).
func (s *logStore) writeLock(ctx context.Context) error {
	if !s.private {
		if err := fsutil.EnsureDir(s.dir); err != nil {
			return fmt.Errorf("emulator: %w", err)
		}
		s.private = true
	}
	if s.lock == nil {
		lk, err := fsutil.OpenFileLock(filepath.Join(s.dir, lockName))
		if err != nil {
			return fmt.Errorf("emulator: %w", err)
		}
		s.lock = lk
	}
	if err := s.lock.Lock(ctx, lockTimeout); err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	return nil
}

// append adds ops as one record at the end of the log, creating the log
// if it does not exist yet. The record is written with the others of the
// same hold of the write lock (pending.go). The caller holds the write
// lock.
func (s *logStore) append(ops []op) error {
	if s.log == nil {
		f, end, err := createLog(s.dir, s.gen)
		if err != nil {
			return fmt.Errorf("emulator: create %s: %w", logName(s.gen), err)
		}
		s.log, s.end, s.filled = f, end, end
		s.logBytes += end
	}
	n := len(s.pending)
	s.pending = appendTx(s.pending, ops)
	s.end += int64(len(s.pending) - n)
	s.logBytes += int64(len(s.pending) - n)
	return nil
}

// catchUp applies what other processes appended to the log since s last
// read it, following them to the next log when they compacted, or reads
// the files afresh when s cannot follow (it had no log, or the log it
// would follow is gone). With the write lock held, what is incomplete at
// the end was torn by a crash: it is dropped and cut off. The caller holds
// mu.
//
// A read (locked false) while an update of this store holds the write
// lock has nothing to catch up: nobody else can have appended, and the
// records pending (pending.go) are past the log's end, which must not pass
// for a log cut short. A View can find the lock free, then wait for mu
// while an update takes it: reading the log afresh then would put the
// pending records' write at a negative offset.
func (s *logStore) catchUp(locked bool) error {
	if !locked && s.wl.held {
		return nil
	}
	for {
		if s.log == nil {
			if _, err := os.Stat(filepath.Join(s.dir, logName(s.gen))); errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return s.reload(locked)
		}
		grown, err := s.grown()
		if err != nil || !grown {
			return err
		}
		size, err := fileSize(s.log)
		if err != nil {
			return fileError(s.log.Name(), err)
		}
		if size < s.end {
			return s.reload(locked) // cut by something other than this store
		}
		data, err := readRecordsAt(s.log, s.end, size)
		if err != nil {
			return fileError(s.log.Name(), err)
		}
		r := logReader{gen: s.gen, st: s.st, dec: s.dec, started: s.end > 0}
		good, tail, err := scanRecords(data, r.record)
		if good > 0 {
			s.end += int64(good)
			s.logBytes += int64(good)
			s.bump()
		}
		s.filled = max(s.filled, size)
		if err != nil {
			return fileError(s.log.Name(), err)
		}
		if tail != tailNone && locked {
			s.logf("%s: dropping a torn record at byte %d (%d bytes), left by a crash", s.log.Name(), s.end, tornBytes(data[good:]))
			if err := s.log.Truncate(s.end); err != nil {
				return fileError(s.log.Name(), err)
			}
			s.filled = s.end
		}
		if r.next == 0 {
			return nil
		}
		f, err := openLog(filepath.Join(s.dir, logName(r.next)))
		if errors.Is(err, fs.ErrNotExist) {
			return s.reload(locked) // compacted again since: read the snapshot
		}
		if err != nil {
			return fmt.Errorf("emulator: %w", err)
		}
		s.retired = append(s.retired, s.log)
		s.log, s.gen, s.end, s.filled = f, r.next, 0, 0
		s.snapBytes, s.logBytes = s.snapBytes+s.logBytes, 0 // about: the snapshot is being written
	}
}

func (s *logStore) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	seq := s.seq
	s.mu.Unlock()
	s.bg.Wait()
	err := s.commit.wait(s, seq)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeFiles()
	return err
}

func (s *logStore) closeFiles() {
	if s.lock != nil {
		s.dropWriteLock() // nothing pending: Close waited for it
	}
	for _, f := range append(s.retired, s.log) {
		if f != nil {
			f.Close()
		}
	}
	s.retired, s.log = nil, nil
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
}
