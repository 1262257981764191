package emulator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Updates that arrive together are written together: fewer writes than
// updates, and every one of them there after a restart.
func TestLogStoreWritesABatchAtOnce(t *testing.T) {
	var writes atomic.Int64
	oldWrite, oldSync := writeAt, syncFile
	writeAt = func(f *os.File, b []byte, off int64) (int, error) { writes.Add(1); return oldWrite(f, b, off) }
	syncFile = func(f *os.File) error { time.Sleep(2 * time.Millisecond); return oldSync(f) }
	defer func() { writeAt, syncFile = oldWrite, oldSync }()
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_first", `{}`)
	writes.Store(0)
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() { put(t, s, tokensColl, fmt.Sprintf("tok_%d", i), `{}`) })
	}
	wg.Wait()
	if n := writes.Load(); n == 0 || n >= 64 {
		t.Errorf("64 concurrent updates took %d writes", n)
	}
	s.Close()
	if got := len(strings.Fields(ids(t, openStore(t, dir, LogOptions{}), tokensColl))); got != 65 {
		t.Errorf("a restart reads %d tokens, want 65", got)
	}
}

// A write that fails (a full disk) fails the requests whose updates it
// held, undoes them, leaves no part of them in the log, and the store
// writes on.
func TestLogStoreUndoesAFailedWrite(t *testing.T) {
	oldWrite := writeAt
	defer func() { writeAt = oldWrite }()
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_1", `{}`)
	writeAt = func(f *os.File, b []byte, off int64) (int, error) {
		n, _ := oldWrite(f, b[:len(b)/2], off) // half of it made it
		return n, syscall.ENOSPC
	}
	err := s.Update(ctx, func(tx Tx) error { return tx.Put(tokensColl, "tok_lost", []byte(`{}`)) })
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("the update whose write failed: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, filepath.Join(dir, logName(1))) || strings.Contains(msg, tempSuffix) {
		t.Errorf("the error names %q, want the log by its name", msg) // not the temp file it was made as
	}
	writeAt = oldWrite
	if got := ids(t, s, tokensColl); got != "tok_1={}" {
		t.Errorf("after the failed write the store holds %s", got)
	}
	put(t, s, tokensColl, "tok_2", `{}`)
	s.Close()
	if got := ids(t, openStore(t, dir, LogOptions{}), tokensColl); got != "tok_2={} tok_1={}" {
		t.Errorf("a restart reads %s", got)
	}
}

// A disk without room for the padding (padding.go) but with room for the
// records takes them: the write is made again without the zeros, what the
// failed write left is given back, and the records read back after a
// restart.
func TestLogStoreWritesWithoutRoomForPadding(t *testing.T) {
	oldWrite := writeAt
	defer func() { writeAt = oldWrite }()
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	room := int64(64 << 10) // the disk's room past the log's header
	writeAt = func(f *os.File, b []byte, off int64) (int, error) {
		if off+int64(len(b)) > room {
			n, _ := oldWrite(f, b[:max(room-off, 0)], off)
			return n, syscall.ENOSPC
		}
		return oldWrite(f, b, off)
	}
	put(t, s, tokensColl, "tok_1", `{}`)
	put(t, s, tokensColl, "tok_2", `{}`)
	if size, end := fileSizeOf(t, filepath.Join(dir, logName(1))), int64(len(fileBytes(t, dir))); size != end {
		t.Errorf("the log is %d bytes, its records %d: the zeros of the failed write keep the room", size, end)
	}
	err := s.Update(ctx, func(tx Tx) error {
		return tx.Put(tokensColl, "tok_big", []byte(`{"pad":"`+strings.Repeat("x", int(room))+`"}`))
	})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("a record larger than the room left: %v, want ENOSPC", err)
	}
	writeAt = oldWrite
	s.Close()
	if got := ids(t, openStore(t, dir, LogOptions{}), tokensColl); got != "tok_2={} tok_1={}" {
		t.Errorf("a restart reads %s", got)
	}
}

func fileSizeOf(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
