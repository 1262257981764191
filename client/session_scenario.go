package client

import (
	"context"

	"github.com/tokenscope/tokenscope/model/state"
)

// LoadWorkspace reads the session's workspace without taking the lock, for
// plans and views that only read it.
func (s *Session) LoadWorkspace() (*state.Workspace, error) {
	st, err := s.Store.Load()
	if err != nil {
		return nil, err
	}
	return s.workspace(st), nil
}

// Unlink forgets which token a scenario name made, as Terraform taints a
// resource whose creation half failed: the next apply creates it again.
// The token itself stays in the state.
func (s *Session) Unlink(ctx context.Context, scenario string) error {
	_, err := s.Store.Update(ctx, "unlink "+scenario, func(st *state.State) error {
		delete(s.workspace(st).Scenarios, scenario)
		return nil
	})
	return err
}
