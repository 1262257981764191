package state

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/renameio/v2"
)

// Private modes: the state dir holds nothing secret, but what tokens a
// support engineer made is nobody else's business on a shared jump host.
const (
	FileMode os.FileMode = 0o600
	DirMode  os.FileMode = 0o700
)

// chmod is os.Chmod; tests replace it to fail as it does on a dir owned by
// someone else, which a test running as root cannot otherwise see.
var chmod = os.Chmod

// EnsureDir creates dir with DirMode and, if it already exists, takes away
// any group and other bits (mode &^ 0o077). It never adds owner bits: a
// dir the user made 0500 stays 0500 (writes then fail, which is what they
// asked for). A dir that is already private needs no chmod, so it is never
// an error that chmod would fail there; a dir open to others that cannot
// be made private (another user's) is, with a plain message.
func EnsureDir(dir string) error {
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return err
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	perm := fi.Mode().Perm()
	private := perm &^ 0o077
	if perm == private {
		return nil
	}
	if err := chmod(dir, private); err != nil {
		return fmt.Errorf("cannot make the state dir %s private (it is %#o; chmod: %v): it probably belongs to another user, and tokenscope writes only where others cannot read; choose a dir of your own with --state-dir", dir, perm, err)
	}
	return nil
}

// WriteFileAtomic replaces path with data so that a reader, or a process
// killed half way, only ever sees the old file or the new one: write a temp
// file, fsync, rename over path (renameio does the dance). The temp file is
// made in path's own dir, never in a shared /tmp, and the result is
// FileMode even when the old file was looser. With backup set, the previous
// file is first kept as path+".backup".
func WriteFileAtomic(path string, data []byte, backup bool) error {
	if err := EnsureDir(filepath.Dir(path)); err != nil {
		return err
	}
	if backup {
		if err := keepBackup(path); err != nil {
			return fmt.Errorf("write backup: %w", err)
		}
	}
	return writeAtomic(path, data)
}

func writeAtomic(path string, data []byte) error {
	t, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)), renameio.WithPermissions(FileMode))
	if err != nil {
		return err
	}
	defer t.Cleanup()
	if _, err := t.Write(data); err != nil {
		return err
	}
	return t.CloseAtomicallyReplace()
}

// keepBackup makes path+".backup" the current content of path. A hard link
// costs nothing however big the state is (copying 9 MB on every write would
// not), and renaming the link into place means a crash leaves either the
// older or the newer backup, never half of one. Where hard links are not
// supported it copies.
func keepBackup(path string) error {
	tmp := path + ".backup." + newID()
	err := os.Link(path, tmp)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil // nothing written yet, nothing to keep
	case err != nil:
		old, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return writeAtomic(path+".backup", old)
	}
	if err := os.Chmod(tmp, FileMode); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path+".backup"); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// ErrLocked is wrapped by Lock's error when another process kept the lock
// for the whole timeout.
var ErrLocked = errors.New("held by another process")

// Lock takes an exclusive advisory lock on path (created 0600), waiting up
// to timeout for another holder; a timeout of 0 or less fails at once. While
// it waits, onWait is called once so the caller can say "Acquiring state
// lock...". The kernel drops the lock if the process dies, so a killed
// process never leaves it behind. The returned func releases it.
func Lock(ctx context.Context, path string, timeout time.Duration, onWait func()) (func(), error) {
	if err := EnsureDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	fl := flock.New(path, flock.SetPermissions(FileMode))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok && timeout <= 0 {
		// Fail at once, and say nothing about waiting: Terraform's
		// -lock-timeout=0s.
		fl.Close()
		return nil, fmt.Errorf("lock %s: %w", path, ErrLocked)
	}
	if !ok {
		if onWait != nil {
			onWait()
		}
		waitCtx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		ok, err = fl.TryLockContext(waitCtx, 25*time.Millisecond)
		if err != nil || !ok {
			fl.Close()
			if ctx.Err() != nil {
				return nil, ctx.Err() // the caller gave up, not the lock
			}
			if errors.Is(err, context.DeadlineExceeded) {
				return nil, fmt.Errorf("lock %s: %w (waited %s)", path, ErrLocked, timeout)
			}
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
	}
	return func() { _ = fl.Unlock() }, nil
}
