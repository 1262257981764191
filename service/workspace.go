package service

import (
	"context"

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
	return s.workspaceOf(st), nil
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

// Remove forgets tokens (Stripe keeps them: tokens cannot be deleted).
// When one of ids is not in the workspace nothing is removed and the error
// is a *NotInStateError.
func (s *Session) Remove(ctx context.Context, ids []string) error {
	_, err := s.store.Update(ctx, "state rm", func(st *state.State) error {
		w := st.Workspace(s.WorkspaceName())
		for _, id := range ids {
			if _, ok := w.Find(id); !ok {
				return &NotInStateError{ID: id}
			}
		}
		for _, id := range ids {
			w.Remove(id)
		}
		return nil
	})
	return err
}
