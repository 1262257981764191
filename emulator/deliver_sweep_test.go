package emulator

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// The lock files of Delivers whose processes ended are removed when a
// Deliver starts: an old one that no process holds. A held one stays, and
// so does a new one (its process may be about to lock it).
func TestDeliverStartRemovesLockFilesOfEndedDelivers(t *testing.T) {
	dir := t.TempDir()
	e, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	old := time.Now().Add(-2 * staleAfter)
	file := func(owner string, at time.Time) string {
		path := ownerFile(dir, owner)
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ended, fresh, held := file("dlv_ended", old), file("dlv_fresh", time.Now()), file("dlv_held", old)
	lk, err := fsutil.OpenFileLock(held)
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Close()
	if ok, err := lk.TryLock(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	release, err := e.holdOwner("dlv_new")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for path, want := range map[string]bool{ended: false, fresh: true, held: true, ownerFile(dir, "dlv_new"): true} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s: there %v, want %v", filepath.Base(path), err == nil, want)
		}
	}
}
