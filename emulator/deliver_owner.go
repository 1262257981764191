package emulator

import (
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
	lk, err := lockOwnerFile(e.opts.Dir, path)
	if err != nil {
		forget()
		return nil, err
	}
	sweepOwners(e.opts.Dir, time.Now())
	return func() {
		_ = os.Remove(path)
		_ = lk.Close()
		forget()
	}, nil
}

func lockOwnerFile(dir, path string) (*fsutil.FileLock, error) {
	if err := fsutil.EnsureDir(dir); err != nil {
		return nil, err
	}
	lk, err := fsutil.OpenFileLock(path)
	if err != nil {
		return nil, err
	}
	if ok, err := lk.TryLock(); !ok || err != nil {
		lk.Close()
		if err == nil {
			err = errors.New("emulator: " + path + " is held by another process")
		}
		return nil, err
	}
	return lk, nil
}

// ownerAlive reports whether the Deliver named owner still runs. One of
// another process that ended left its lock file unlocked: it is removed.
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
	lk, err := fsutil.OpenFileLock(path)
	if err != nil {
		return lease > now
	}
	defer lk.Close()
	ok, err := lk.TryLock()
	switch {
	case err != nil:
		return lease > now
	case ok:
		_ = os.Remove(path)
		return false
	}
	return true
}

// staleAfter is how old an owner's lock file must be for sweepOwners to
// take it, unlocked, for one whose process ended: a Deliver starting in
// another process makes its file, then locks it.
const staleAfter = time.Minute

// sweepOwners removes the lock files of Delivers whose processes ended
// (killed, they could not remove them): ownerAlive removes one only when
// a delivery names its owner, and the others piled up in the state dir.
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
		path := filepath.Join(dir, ent.Name())
		lk, err := fsutil.OpenFileLock(path)
		if err != nil {
			continue
		}
		if ok, err := lk.TryLock(); ok && err == nil {
			_ = os.Remove(path)
		}
		lk.Close()
	}
}
