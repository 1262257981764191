package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model/state"
)

// OnLockWait is ctx with fn told, once, when a write made under it waits
// for the state lock another tokenscope holds, and who holds it ("alice@
// host (pid 4242, create since 15:02:11 UTC)", or "another process"): the
// TUI says so in place of its request's spinner.
func OnLockWait(ctx context.Context, fn func(holder string)) context.Context {
	return state.OnLockWait(ctx, fn)
}
