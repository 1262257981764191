// Package fsutil holds the rules every file tokenscope keeps on disk
// follows, whoever writes it (model/state's state.json, the emulator's
// store): private modes, atomic replacement, an advisory lock between
// processes, no symbolic link followed, and a last check that no card
// number or key is written.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"strconv"

	"github.com/tokenscope/tokenscope/model"
)

// Private modes: the state dir holds nothing secret, but what tokens a
// support engineer made is nobody else's business on a shared jump host.
const (
	FileMode os.FileMode = 0o600
	DirMode  os.FileMode = 0o700
)

// EnsureDir makes dir (and any missing parent) with DirMode, or checks
// that the dir already there is one tokenscope may write in: owned by this
// user and writable by no one else (a dir others can write in lets them
// replace or plant files beside tokenscope's). It never chmods or chowns a
// dir it did not make: run as root, "tightening" a shared 1777 dir or
// another user's 0755 one would break it for everyone else. A dir others
// can only read is used as it is; the files tokenscope writes in it are
// 0600. A dir that fails the check is a *DirError naming it, its mode and
// owner, and what to do.
func EnsureDir(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		// Mkdir's mode passes through the umask, which only takes bits
		// away: what is made is never looser than DirMode.
		return os.MkdirAll(dir, DirMode)
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	uid, known := ownerOf(fi)
	me := os.Geteuid()
	switch {
	case known && uid != me:
		return &DirError{Dir: dir, Mode: fi.Mode(), Owner: uid, Me: me, Reason: "belongs to another user"}
	case fi.Mode().Perm()&0o022 != 0:
		return &DirError{Dir: dir, Mode: fi.Mode(), Owner: uid, Me: me, Reason: "is writable by other users"}
	}
	return nil
}

// DirError is EnsureDir's refusal of a dir that exists but is not this
// user's alone to write in.
type DirError struct {
	Dir    string
	Mode   os.FileMode
	Owner  int // uid; -1 where the platform has none
	Me     int // this process's effective uid
	Reason string
	// Instead is what to choose in its place, for the flag that named
	// the dir; empty means the state dir's --state-dir.
	Instead string
}

func (e *DirError) Error() string {
	mode := fmt.Sprintf("%04o", uint32(e.Mode.Perm())|stickyBits(e.Mode))
	fix := e.Instead
	if fix == "" {
		fix = "choose a dir of your own with --state-dir (tokenscope makes a missing one 0700)"
	}
	if e.Owner == e.Me {
		fix = "if it is meant for tokenscope alone, run: chmod 700 " + e.Dir + "; or " + fix
	}
	return fmt.Sprintf("refusing to write in %s: it %s (mode %s, owner %s), and tokenscope writes only in dirs no one else can write in, and never changes the mode of a dir it did not make: %s",
		e.Dir, e.Reason, mode, userName(e.Owner), fix)
}

// LocalCode is DirError's code in --json's error object.
func (e *DirError) LocalCode() string { return model.CodeDirRefused }

// stickyBits are the sticky, setgid and setuid bits in chmod's octal.
func stickyBits(m os.FileMode) uint32 {
	var b uint32
	if m&os.ModeSetuid != 0 {
		b |= 0o4000
	}
	if m&os.ModeSetgid != 0 {
		b |= 0o2000
	}
	if m&os.ModeSticky != 0 {
		b |= 0o1000
	}
	return b
}

// userName is "alice (uid 1000)", or the uid alone when it has no name.
func userName(uid int) string {
	if uid < 0 {
		return "unknown"
	}
	id := strconv.Itoa(uid)
	if u, err := user.LookupId(id); err == nil && u.Username != "" {
		return u.Username + " (uid " + id + ")"
	}
	return "uid " + id
}
