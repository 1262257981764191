package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/scenario"
)

// lockedKey marks a context under which a Locked call holds the state
// lock; its value is a *lockedState.
type lockedKey struct{}

// lockedState is the state lock a Locked call holds, and the store it is
// of: a write on another store takes that store's own lock. planned is
// the last plan made under it, and the serial of the state it was made
// against.
type lockedState struct {
	store   *state.Store
	l       *state.Locked
	planned *scenario.Plan
	serial  int64
}

// Locked runs fn holding the state lock for the whole of it, as Terraform
// holds it from plan to the end of apply: every write fn makes through
// the session with the context it is given uses that lock instead of
// taking its own, and every other tokenscope waits (up to --lock-timeout)
// or fails with state_locked. Without it, two applies of one file both
// planned against a state that held neither's tokens, and each made,
// charged and refunded every token. op names the operation in the lock
// info ("apply many.hcl"). Called under a Locked context, fn runs at once.
func (s *Session) Locked(ctx context.Context, op string, fn func(ctx context.Context) error) error {
	if s.lockedIn(ctx) != nil {
		return fn(ctx)
	}
	return s.store.Hold(ctx, op, func(l *state.Locked) error {
		return fn(context.WithValue(ctx, lockedKey{}, &lockedState{store: s.store, l: l}))
	})
}

// lockedIn is the lock a Locked call around ctx holds on the session's
// store; nil when there is none.
func (s *Session) lockedIn(ctx context.Context) *state.Locked {
	if ls := s.lockedStateIn(ctx); ls != nil {
		return ls.l
	}
	return nil
}

func (s *Session) lockedStateIn(ctx context.Context) *lockedState {
	if ls, ok := ctx.Value(lockedKey{}).(*lockedState); ok && ls.store == s.store {
		return ls
	}
	return nil
}

// plannedUnder reports whether p was made under the lock ctx holds,
// against the state as it still is (no save since): planning it again
// could find nothing new.
func (s *Session) plannedUnder(ctx context.Context, p *scenario.Plan) bool {
	ls := s.lockedStateIn(ctx)
	return ls != nil && ls.planned == p && ls.l.State().Serial == ls.serial
}
