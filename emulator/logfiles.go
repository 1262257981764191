package emulator

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// The log store's files in the state dir. Generation g has a log,
// emulator-00000g.log, and, once compacted, a snapshot,
// emulator-00000g.snapshot: the state as it was when log g began. The
// newest snapshot plus the logs from its generation on are the state;
// anything older is left over from a compaction and removed.
const (
	filePrefix      = "emulator-"
	logSuffix       = ".log"
	snapshotSuffix  = ".snapshot"
	tempSuffix      = ".tmp"
	lockName        = "emulator.lock"         // held while a process writes
	compactLockName = "emulator.compact.lock" // held while a process compacts
	migratedSuffix  = ".migrated"             // emulator.json, once read into a snapshot
	// snapshotBatch is how many bytes of ops a snapshot's records hold.
	snapshotBatch = 256 << 10
)

func logName(gen uint64) string      { return fmt.Sprintf("%s%06d%s", filePrefix, gen, logSuffix) }
func snapshotName(gen uint64) string { return fmt.Sprintf("%s%06d%s", filePrefix, gen, snapshotSuffix) }

// storeFiles are the generations of the logs and snapshots in a dir,
// oldest first.
type storeFiles struct{ logs, snapshots []uint64 }

func listFiles(dir string) (storeFiles, error) {
	var f storeFiles
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return f, err
	}
	for _, e := range entries {
		name, ok := strings.CutPrefix(e.Name(), filePrefix)
		if !ok {
			continue
		}
		for suffix, list := range map[string]*[]uint64{logSuffix: &f.logs, snapshotSuffix: &f.snapshots} {
			if digits, ok := strings.CutSuffix(name, suffix); ok {
				if gen, err := strconv.ParseUint(digits, 10, 64); err == nil && gen > 0 {
					*list = append(*list, gen)
				}
			}
		}
	}
	slices.Sort(f.logs)
	slices.Sort(f.snapshots)
	return f, nil
}

// Files lists the files the log store in dir keeps its objects in, its
// snapshots and logs, oldest first: what to back up, or to remove for an
// emulator that forgets everything.
func Files(dir string) ([]string, error) {
	f, err := listFiles(dir)
	var paths []string
	for _, gen := range f.snapshots {
		paths = append(paths, filepath.Join(dir, snapshotName(gen)))
	}
	for _, gen := range f.logs {
		paths = append(paths, filepath.Join(dir, logName(gen)))
	}
	return paths, err
}

func (f storeFiles) newestSnapshot() uint64 {
	if len(f.snapshots) == 0 {
		return 0
	}
	return f.snapshots[len(f.snapshots)-1]
}

// fileError names the file a problem is in.
func fileError(path string, err error) error {
	var c *corruptError
	if errors.As(err, &c) {
		return fmt.Errorf("emulator: %s is damaged %w; move it away to start afresh, or restore it from a backup", path, c)
	}
	return fmt.Errorf("emulator: %s: %w", path, err)
}

// loaded is a state read from a dir's files.
type loaded struct {
	st        *memState
	gen       uint64   // the log to write to
	log       *os.File // it, if it exists
	end       int64    // bytes of its records read
	filled    int64    // its size: zeros after end (padding.go)
	snapBytes int64    // size of the snapshot read
	logBytes  int64    // size of the logs read
}

// loadFiles reads the newest snapshot and the logs after it. With repair
// (the caller holds the write lock), a torn record at the end of the last
// log is cut off; without, it is left for a writer to cut, and an
// incomplete one may be a write in progress.
func loadFiles(dir string, repair bool, logf func(string, ...any)) (*loaded, error) {
	files, err := listFiles(dir)
	if err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	l := &loaded{st: newMemState(), gen: 1}
	dec := newDecoder()
	snap := files.newestSnapshot()
	if snap > 0 {
		path := filepath.Join(dir, snapshotName(snap))
		if l.snapBytes, err = readSnapshot(path, snap, l.st, dec); err != nil {
			return nil, fileError(path, err)
		}
		l.gen = snap
	}
	expect := l.gen
	for _, gen := range files.logs {
		if gen < snap {
			continue // compacted; tidy removes it
		}
		if gen != expect {
			return nil, fmt.Errorf("emulator: %s is missing (found %s): the objects cannot be read", filepath.Join(dir, logName(expect)), logName(gen))
		}
		if err := l.readLog(dir, gen, gen == files.logs[len(files.logs)-1], repair, dec, logf); err != nil {
			return nil, err
		}
		expect = gen + 1
	}
	return l, nil
}

// readLog replays log gen into l. The last log stays open, to be
// appended to; a log closed by a recNext moves l to the next generation.
func (l *loaded) readLog(dir string, gen uint64, last, repair bool, dec *decoder, logf func(string, ...any)) error {
	path := filepath.Join(dir, logName(gen))
	f, err := openLog(path)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	keep := false
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	data, err := fsutil.ReadAll(f)
	if err != nil {
		return fileError(path, err)
	}
	filled := int64(len(data))
	data = withoutPadding(data)
	r := logReader{gen: gen, st: l.st, dec: dec}
	l.st.sizeFor(data)
	good, tail, err := scanRecords(data, r.record)
	l.st.sizeHint = 0
	if err == nil && !r.started && len(data) > 0 {
		err = &corruptError{err: errors.New("no header")}
	}
	if err != nil {
		return fileError(path, err)
	}
	l.logBytes += int64(good)
	switch {
	case tail == tailNone:
	case !last:
		return fileError(path, &corruptError{offset: int64(good), err: errors.New("damaged record in a log that is not the last")})
	case repair:
		logf("%s: dropping a torn record at byte %d (%d bytes), left by a crash", path, good, tornBytes(data[good:]))
		if err := f.Truncate(int64(good)); err != nil {
			return fileError(path, err)
		}
		if err := f.Sync(); err != nil {
			return fileError(path, err)
		}
		filled = int64(good)
	case tail == tailTorn:
		logf("%s: ignoring a torn record at byte %d (%d bytes), left by a crash", path, good, tornBytes(data[good:]))
	}
	l.gen = gen
	if r.next != 0 {
		l.gen = r.next
		return nil
	}
	if last {
		l.log, l.end, l.filled, keep = f, int64(good), filled, true
	}
	return nil
}

// logReader applies a log's records to a state.
type logReader struct {
	gen     uint64
	st      *memState
	dec     *decoder
	started bool   // the header was read
	next    uint64 // the log is closed: the generation after it
}

func (r *logReader) record(p []byte) error {
	if !r.started {
		kind, gen, err := decodeHeader(p[1:])
		switch {
		case err != nil:
			return err
		case p[0] != recHeader || kind != kindLog || gen != r.gen:
			return fmt.Errorf("not the header of log %d", r.gen)
		}
		r.started = true
		return nil
	}
	if r.next != 0 {
		return errors.New("a record after the log's end")
	}
	switch p[0] {
	case recTx:
		return r.dec.ops(p[1:], r.st.apply)
	case recNext:
		nums, err := decodeNumbers(p[1:], 1)
		if err != nil {
			return err
		}
		if nums[0] != r.gen+1 {
			return fmt.Errorf("log %d followed by %d", r.gen, nums[0])
		}
		r.next = nums[0]
		return nil
	}
	return fmt.Errorf("unknown record type %q", p[0])
}

// readSnapshot reads snapshot gen into st and returns its size.
func readSnapshot(path string, gen uint64, st *memState, dec *decoder) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	data, err := fsutil.ReadAll(f)
	f.Close()
	if err != nil {
		return 0, err
	}
	started, ended := false, false
	st.sizeFor(data)
	defer func() { st.sizeHint = 0 }()
	_, tail, err := scanRecords(data, func(p []byte) error {
		switch {
		case ended:
			return errors.New("a record after the snapshot's end")
		case !started:
			kind, g, err := decodeHeader(p[1:])
			if err == nil && (p[0] != recHeader || kind != kindSnapshot || g != gen) {
				err = fmt.Errorf("not the header of snapshot %d", gen)
			}
			started = true
			return err
		case p[0] == recTx:
			return dec.ops(p[1:], st.apply)
		case p[0] == recEnd:
			nums, err := decodeNumbers(p[1:], 2)
			if err == nil && (nums[0] != uint64(st.objects) || nums[1] != uint64(len(st.idem))) {
				err = fmt.Errorf("the snapshot ends saying %d objects and %d idempotency records; it holds %d and %d", nums[0], nums[1], st.objects, len(st.idem))
			}
			ended = true
			return err
		}
		return fmt.Errorf("unknown record type %q", p[0])
	})
	if err == nil && (tail != tailNone || !ended) {
		err = &corruptError{offset: int64(len(data)), err: errors.New("the snapshot is incomplete")}
	}
	return int64(len(data)), err
}

// writeSnapshot writes ops as snapshot gen: to a temp file, fsynced, then
// renamed into place and the dir fsynced, so the snapshot is either whole
// or absent. It returns the snapshot's size.
func writeSnapshot(dir string, gen uint64, ops []op, objects, records int) (int64, error) {
	path := filepath.Join(dir, snapshotName(gen))
	f, err := fsutil.CreateTemp(dir, "."+snapshotName(gen)+".", tempSuffix)
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name()) // fails once renamed
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	buf := appendHeader(nil, kindSnapshot, gen)
	size := int64(0)
	flush := func() error {
		n, err := w.Write(buf)
		size += int64(n)
		buf = buf[:0]
		return err
	}
	for len(ops) > 0 {
		if err := flush(); err != nil {
			return 0, err
		}
		var start int
		buf, start = beginRecord(buf, recTx)
		for len(ops) > 0 && len(buf) < snapshotBatch {
			buf = appendOp(buf, ops[0])
			ops = ops[1:]
		}
		buf = finishRecord(buf, start)
	}
	buf = appendNumbers(buf, recEnd, uint64(objects), uint64(records))
	if err := flush(); err != nil {
		return 0, err
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	if err := f.Sync(); err != nil {
		return 0, err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return 0, err
	}
	return size, fsutil.SyncDir(dir)
}

// createLog creates log gen holding only its header, the same way: the
// log exists whole or not at all. The file is open for appending.
func createLog(dir string, gen uint64) (*os.File, int64, error) {
	f, err := fsutil.CreateTemp(dir, "."+logName(gen)+".", tempSuffix)
	if err != nil {
		return nil, 0, err
	}
	header := appendHeader(nil, kindLog, gen)
	_, err = f.Write(header)
	if err == nil {
		err = f.Sync()
	}
	path := filepath.Join(dir, logName(gen))
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err == nil {
		err = fsutil.SyncDir(dir)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, 0, err
	}
	// Opened again by its name: the file keeps the temp name it was
	// opened by, and errors and logs would name a file that is gone.
	f.Close()
	if f, err = openLog(path); err != nil {
		return nil, 0, err
	}
	return f, int64(len(header)), nil
}

// tidy removes what crashes and compactions leave: temp files of the log
// store and of emulator.json's atomic writes, and the snapshots and logs
// the newest snapshot replaces. The caller holds both locks, so no
// process is writing any of them.
func tidy(dir string) error {
	files, err := listFiles(dir)
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	snap := files.newestSnapshot()
	removed := false
	for _, e := range entries {
		name := e.Name()
		old := false
		for _, gen := range files.logs {
			old = old || gen < snap && name == logName(gen)
		}
		for _, gen := range files.snapshots {
			old = old || gen < snap && name == snapshotName(gen)
		}
		temp := strings.HasPrefix(name, "."+filePrefix) && strings.HasSuffix(name, tempSuffix) ||
			strings.HasPrefix(name, "."+FileName) // fsutil.WriteFileAtomic's temp files of emulator.json
		if e.Type().IsRegular() && (old || temp) {
			if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			removed = true
		}
	}
	if removed {
		return fsutil.SyncDir(dir)
	}
	return nil
}
