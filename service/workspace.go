package service

import (
	"context"
	"slices"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// loadWorkspace reads the session's workspace without taking the lock,
// for plans and views that only read it. It is the one read of a
// workspace every other read goes through.
func (s *Session) loadWorkspace() (*state.Workspace, error) {
	st, err := s.store.Load()
	if err != nil {
		return nil, err
	}
	w := s.workspaceOf(st)
	s.seenPending.Store(&w.Pending)
	return w, nil
}

// workspaceIn is the session's workspace: under a Locked context the state
// that lock holds (no other process can have written it since), else
// read as loadWorkspace reads it.
func (s *Session) workspaceIn(ctx context.Context) (*state.Workspace, error) {
	l := s.lockedIn(ctx)
	if l == nil {
		return s.loadWorkspace()
	}
	w := s.workspaceOf(l.State())
	seen := slices.Clone(w.Pending) // the lock's holder goes on changing w
	s.seenPending.Store(&seen)
	return w, nil
}

// Tokens are the workspace's tokens, newest first, as the state records
// them (no request is made).
func (s *Session) Tokens() ([]model.Record, error) {
	w, err := s.loadWorkspace()
	if err != nil {
		return nil, err
	}
	return w.Tokens, nil
}

// Token is the state's record of id in the workspace; false when the
// state does not hold it.
func (s *Session) Token(id string) (model.Record, bool, error) {
	w, err := s.loadWorkspace()
	if err != nil {
		return model.Record{}, false, err
	}
	rec, ok := w.Find(id)
	return rec, ok, nil
}

// NotInStateError names an id the workspace does not hold.
type NotInStateError struct{ ID string }

func (e *NotInStateError) Error() string { return e.ID + " is not in the state" }

// LocalCode is NotInStateError's code in --json's error object.
func (e *NotInStateError) LocalCode() string { return model.CodeNotInState }

// Pending are the workspace's requests whose answer is not recorded:
// those waiting to be sent again and those left to the user
// (model.Pending.Unresolved).
func (s *Session) Pending() ([]model.Pending, error) {
	w, err := s.loadWorkspace()
	if err != nil {
		return nil, err
	}
	return w.Pending, nil
}

// Remove forgets tokens (Stripe keeps them: tokens cannot be deleted) and
// pending requests, named by their Idempotency-Key. When one of ids is in
// neither nothing is removed and the error is a *NotInStateError.
func (s *Session) Remove(ctx context.Context, ids []string) error {
	return s.hold(ctx, "state rm", func(h *held) error {
		w := h.workspace()
		for _, id := range ids {
			if _, ok := w.Find(id); !ok && !hasPending(w, id) {
				return &NotInStateError{ID: id}
			}
		}
		for _, id := range ids {
			if !w.Remove(id) {
				w.RemovePending(id)
			}
		}
		return h.l.Save()
	})
}

func hasPending(w *state.Workspace, key string) bool {
	for _, p := range w.Pending {
		if p.Key == key {
			return true
		}
	}
	return false
}
