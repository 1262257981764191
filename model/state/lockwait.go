package state

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

type lockWaitKey struct{}

// OnLockWait is ctx with fn told, once, when a write under it has to wait
// for the state lock another process holds, and who that is: a screen
// can then say it waits for the lock, not for the API.
func OnLockWait(ctx context.Context, fn func(holder model.LockHolder)) context.Context {
	return context.WithValue(ctx, lockWaitKey{}, fn)
}

// onWait is what lock calls when it must wait: Options.OnWait, and the
// OnLockWait of ctx told who holds the lock.
func (s *Store) onWait(ctx context.Context) func() {
	fn, _ := ctx.Value(lockWaitKey{}).(func(model.LockHolder))
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

// Holder is what the info says of the lock's holder; the zero
// LockHolder when there is no info (not written yet, or the holder is no
// tokenscope: flock(1)).
func (i *LockInfo) Holder() model.LockHolder {
	if i == nil {
		return model.LockHolder{}
	}
	return model.LockHolder{Who: i.Who, PID: i.PID, Operation: i.Operation, Since: i.Created}
}
