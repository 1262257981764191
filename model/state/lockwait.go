package state

import (
	"context"
	"fmt"
)

type lockWaitKey struct{}

// OnLockWait is ctx with fn told, once, when a write under it has to wait
// for the state lock another process holds, and who that is (Holder):
// a screen can then say it waits for the lock, not for the API.
func OnLockWait(ctx context.Context, fn func(holder string)) context.Context {
	return context.WithValue(ctx, lockWaitKey{}, fn)
}

// onWait is what lock calls when it must wait: Options.OnWait, and the
// OnLockWait of ctx told who holds the lock.
func (s *Store) onWait(ctx context.Context) func() {
	fn, _ := ctx.Value(lockWaitKey{}).(func(string))
	if fn == nil {
		return s.opts.OnWait
	}
	return func() {
		if s.opts.OnWait != nil {
			s.opts.OnWait()
		}
		info, err := s.readLockInfo()
		if err != nil {
			info = nil
		}
		fn(info.Holder())
	}
}

// Holder says who holds the lock in a few words: "alice@host (pid 4242,
// create since 15:02:11 UTC)"; "another process" when its info is not
// there (yet), or the holder is no tokenscope (flock(1)).
func (i *LockInfo) Holder() string {
	if i == nil || i.Who == "" {
		return "another process"
	}
	return fmt.Sprintf("%s (pid %d, %s since %s)", i.Who, i.PID, i.Operation, i.Created.UTC().Format("15:04:05 UTC"))
}
