package state

import (
	"context"
	"fmt"
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

// EnsureDir creates dir with DirMode, and tightens it if it already exists
// with looser bits.
func EnsureDir(dir string) error {
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return err
	}
	return os.Chmod(dir, DirMode)
}

// WriteFileAtomic replaces path with data so that a reader, or a process
// killed half way, only ever sees the old file or the new one: write a temp
// file in the same dir, fsync, rename over path (renameio does the dance).
// With backup set, the previous file is first copied to path+".backup".
func WriteFileAtomic(path string, data []byte, backup bool) error {
	if err := EnsureDir(filepath.Dir(path)); err != nil {
		return err
	}
	if backup {
		if old, err := os.ReadFile(path); err == nil {
			if err := renameio.WriteFile(path+".backup", old, FileMode); err != nil {
				return fmt.Errorf("write backup: %w", err)
			}
		}
	}
	return renameio.WriteFile(path, data, FileMode)
}

// Lock takes an exclusive advisory lock on path (created 0600). While it
// waits, onWait is called once so the caller can say "Acquiring state
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
	if !ok {
		if onWait != nil {
			onWait()
		}
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		ok, err = fl.TryLockContext(ctx, 25*time.Millisecond)
		if err != nil || !ok {
			fl.Close()
			return nil, fmt.Errorf("lock %s: timed out after %s (%v)", path, timeout, err)
		}
	}
	return func() { _ = fl.Unlock() }, nil
}
