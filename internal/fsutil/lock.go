package fsutil

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"github.com/tokenscope/tokenscope/model"
)

// ErrLocked is wrapped by Lock's error when another process kept the lock
// for the whole timeout.
var ErrLocked = model.Fault(model.CodeStateLocked, errors.New("held by another process"))

// Lock takes an exclusive advisory lock on path (created 0600), waiting up
// to timeout for another holder; a timeout of 0 or less fails at once. While
// it waits, onWait is called once so the caller can say "Acquiring state
// lock...". The kernel drops the lock if the process dies, so a killed
// process never leaves it behind. The returned func releases it. A lock
// file that is a symbolic link is a *LinkError: opening it would create
// or lock the file it points at.
func Lock(ctx context.Context, path string, timeout time.Duration, onWait func()) (func(), error) {
	if err := EnsureDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	fl := flock.New(path, flock.SetPermissions(FileMode), flock.SetFlag(os.O_CREATE|os.O_RDWR|noFollow))
	ok, err := fl.TryLock()
	if err != nil {
		if lerr := checkNotLink(path); lerr != nil {
			return nil, lerr
		}
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
