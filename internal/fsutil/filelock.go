package fsutil

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// FileLock is an advisory lock file kept open, for a store that takes the
// lock on every write: Lock and Unlock are then a system call each, where
// Lock above opens and closes the file every time. A FileLock is not safe
// for concurrent use; its owner serializes its own goroutines first.
type FileLock struct {
	f    *os.File
	path string
}

// OpenFileLock opens (or creates, FileMode) the lock file path. Its dir
// must exist. A path that is a symbolic link is a *LinkError: followed,
// it would create or lock a file anywhere the link points.
func OpenFileLock(path string) (*FileLock, error) {
	f, err := openNoFollow(path, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		return nil, err
	}
	return &FileLock{f: f, path: path}, nil
}

// TryLock takes the lock if no other process holds it.
func (l *FileLock) TryLock() (bool, error) {
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		return false, nil
	}
	return false, fmt.Errorf("lock %s: %w", l.path, err)
}

// Lock takes the lock, waiting up to timeout for another process to
// release it. The wait polls, starting at 20µs and doubling up to 10 ms:
// holders keep it for microseconds, and a blocking flock could not be
// given up when ctx ends.
func (l *FileLock) Lock(ctx context.Context, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for wait := 20 * time.Microsecond; ; wait = min(2*wait, 10*time.Millisecond) {
		ok, err := l.TryLock()
		if ok || err != nil {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("lock %s: %w (waited %s)", l.path, ErrLocked, timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// Unlock releases the lock.
func (l *FileLock) Unlock() error {
	return syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
}

// Close releases the lock, if held, and closes the file.
func (l *FileLock) Close() error { return l.f.Close() }

// SyncDir fsyncs dir, so that files created, renamed or removed in it are
// there after a crash as well.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
