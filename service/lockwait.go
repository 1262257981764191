package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// OnLockWait is ctx with fn told, once, when a write made under it waits
// for the state lock another tokenscope holds, and who holds it (as
// views.LockHolder says it): the TUI says so in place of its request's
// spinner.
func OnLockWait(ctx context.Context, fn func(holder model.LockHolder)) context.Context {
	return state.OnLockWait(ctx, fn)
}
