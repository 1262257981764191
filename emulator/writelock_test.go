package emulator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// lockFree reports whether another process could take dir's write lock
// now (a second open of the lock file is one, as far as flock goes).
func lockFree(t *testing.T, dir string) bool {
	t.Helper()
	lk, err := fsutil.OpenFileLock(filepath.Join(dir, lockName))
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Close()
	ok, err := lk.TryLock()
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		_ = lk.Unlock()
	}
	return ok
}

// An update keeps the write lock for the next one of its process, but
// never past maxHeld updates in a row, and never once none waits.
func TestWriteLockKeptForWaitingUpdatesOnly(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_alone", `{}`)
	if !lockFree(t, dir) {
		t.Fatal("the write lock is held after an update nobody followed")
	}
	s.wl.queued.Add(1) // as if another update waited all along
	for i := range maxHeld {
		put(t, s, tokensColl, fmt.Sprintf("tok_%d", i), `{}`)
		if lockFree(t, dir) {
			t.Fatalf("update %d released the write lock while another waited", i+1)
		}
	}
	put(t, s, tokensColl, "tok_last", `{}`)
	if !lockFree(t, dir) {
		t.Errorf("the write lock is still held after %d updates in a row", maxHeld+1)
	}
	s.wl.queued.Add(-1)
}

// Two processes writing at once, each with many requests in flight: the
// lock kept within one never lets the other's appends be missed or
// overwritten, and the lock is free once both are done.
func TestWriteLockSharedByBusyProcesses(t *testing.T) {
	dir := t.TempDir()
	stores := []*logStore{openStore(t, dir, LogOptions{}), openStore(t, dir, LogOptions{})}
	const writers, each = 8, 25
	var wg sync.WaitGroup
	for n, s := range stores {
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					put(t, s, tokensColl, fmt.Sprintf("tok_%d_%d_%d", n, w, i), `{}`)
				}
			})
		}
	}
	wg.Wait()
	want := 2 * writers * each
	for n, s := range stores {
		if got := len(strings.Fields(ids(t, s, tokensColl))); got != want {
			t.Errorf("store %d sees %d tokens, want %d", n, got, want)
		}
	}
	if got := len(strings.Fields(ids(t, openStore(t, dir, LogOptions{}), tokensColl))); got != want {
		t.Errorf("a restart reads %d tokens, want %d", got, want)
	}
	if !lockFree(t, dir) {
		t.Error("the write lock is held with nothing to write")
	}
}

// An fsync that fails leaves nobody to write what is pending: the update
// releases the write lock, so the other processes on the dir go on.
func TestWriteLockReleasedWhenAnFsyncFails(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_1", `{}`)
	old := syncFile
	syncFile = func(*os.File) error { return syscall.EIO }
	defer func() { syncFile = old }()
	for _, id := range []string{"tok_2", "tok_3"} { // the fsync of tok_2 fails; tok_3 finds the store failed
		if err := s.Update(ctx, func(tx Tx) error { return tx.Put(tokensColl, id, []byte(`{}`)) }); err == nil {
			t.Fatalf("%s: an update after an fsync failed succeeded", id)
		}
		if !lockFree(t, dir) {
			t.Errorf("%s: the write lock is held after the fsync failed", id)
		}
	}
}
