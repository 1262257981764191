package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// Attach attaches a PaymentMethod to a customer, Detach detaches it.
// Nothing is recorded: the workspace keeps tokens, and the PaymentMethod
// lives in the API (tokenscope get pm_… reads it). Each is a move
// (moves.go), sent again with its key after a cancel.
func (s *Session) Attach(ctx context.Context, pm, customer string) (model.Object, error) {
	return s.move(ctx, model.MoveRequest{Action: model.MoveAttach, ID: pm, Customer: customer}, "")
}

// Detach: see Attach.
func (s *Session) Detach(ctx context.Context, pm string) (model.Object, error) {
	return s.move(ctx, model.MoveRequest{Action: model.MoveDetach, ID: pm}, "")
}
