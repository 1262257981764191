package emulator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// A delivery being sent belongs to the Deliver that claimed it
// (deliveryRec.Owner), for as long as that Deliver runs: a delivery
// whose owner ended, killed or stopped mid-retry, is taken over at once
// by the next worker that reaches it, before the endpoint's newer events.
// A Deliver of this process is known alive by liveOwners; one of another
// process by the lock it holds on a file in the state dir, which the
// kernel releases when that process ends, however it ends. A store shared
// without a state dir has only the lease to go by.

// ownerPrefix begins the name of a Deliver's lock file in the state dir.
const ownerPrefix = "emulator-deliverer-"

var liveOwners = struct {
	sync.Mutex
	m map[string]bool
}{m: map[string]bool{}}

func ownerFile(dir, owner string) string {
	return filepath.Join(dir, ownerPrefix+owner+".lock")
}

// holdOwner marks owner alive, to this process and to others sharing the
// state dir, until release is called.
func (e *Emulator) holdOwner(owner string) (release func(), err error) {
	liveOwners.Lock()
	liveOwners.m[owner] = true
	liveOwners.Unlock()
	forget := func() {
		liveOwners.Lock()
		delete(liveOwners.m, owner)
		liveOwners.Unlock()
	}
	if e.opts.Dir == "" {
		return forget, nil
	}
	path := ownerFile(e.opts.Dir, owner)
	unlock, err := fsutil.Lock(context.Background(), path, 0, nil)
	if err != nil {
		forget()
		return nil, err
	}
	sweepOwners(e.opts.Dir, time.Now())
	return func() {
		_ = os.Remove(path)
		unlock()
		forget()
	}, nil
}

// ownerAlive reports whether the Deliver named owner still runs. One of
// another process that ended left its lock file unlocked: it is removed.
// It reads the state dir, so it is not called under the store's locks.
func (e *Emulator) ownerAlive(owner string, lease, now int64) bool {
	liveOwners.Lock()
	here := liveOwners.m[owner]
	liveOwners.Unlock()
	if here {
		return true
	}
	if e.opts.Dir == "" || owner == "" {
		return lease > now
	}
	path := ownerFile(e.opts.Dir, owner)
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return false // ended and cleaned up, or from a tokenscope without lock files
	}
	removed, err := removeIfUnheld(path)
	if err != nil {
		return lease > now
	}
	return !removed
}

// removeIfUnheld removes the lock file path if no process holds it, as
// then its Deliver ended; removed says whether none did (the removal
// itself is best effort: a file left is swept later).
func removeIfUnheld(path string) (removed bool, err error) {
	lk, err := fsutil.OpenFileLock(path)
	if err != nil {
		return false, err
	}
	defer lk.Close()
	if ok, err := lk.TryLock(); !ok || err != nil {
		return false, err
	}
	_ = os.Remove(path)
	return true, nil
}

// staleAfter is how old an owner's lock file must be for sweepOwners to
// take it, unlocked, for one whose process ended: a Deliver starting in
// another process makes its file, then locks it.
const staleAfter = time.Minute

// sweepOwners removes the lock files of Delivers whose processes ended
// (killed, they could not remove them): ownerAlive removes one only when
// a delivery names its owner, so the others would stay in the state dir.
func sweepOwners(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, ent := range entries {
		if !strings.HasPrefix(ent.Name(), ownerPrefix) || !strings.HasSuffix(ent.Name(), ".lock") {
			continue
		}
		if fi, err := ent.Info(); err != nil || now.Sub(fi.ModTime()) < staleAfter {
			continue
		}
		_, _ = removeIfUnheld(filepath.Join(dir, ent.Name()))
	}
}
