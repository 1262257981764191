package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// Object retrieves an object other than a token (pi_, pm_; a card_, ba_
// or person_ under what it belongs to, owned.go). The workspace
// keeps tokens only: an object is read again whenever it is shown, and
// nothing is recorded.
func (s *Session) Object(ctx context.Context, id string) (model.Object, error) {
	if spec, fe := model.ObjectKindOf(id, model.ParamTokenID); fe == nil && spec.Owner() != "" {
		return s.owned(ctx, spec, id)
	}
	return s.api.Object(ctx, id)
}

// Authenticate completes or fails a PaymentIntent's 3D Secure challenge
// where tokenscope can (the emulator), and records the PaymentIntent's
// new status on the token it was made from, and the step among its
// steps; against Stripe it returns the page's URL.
func (s *Session) Authenticate(ctx context.Context, id string, fail bool) (model.Challenge, error) {
	ch, err := s.api.Authenticate(ctx, id, fail)
	if err == nil && ch.Answered {
		step := model.StepRequest{Kind: model.StepAuthenticate, Fail: fail}.Done(ch.PaymentIntent)
		err = s.notePaymentIntent(ctx, ch.PaymentIntent, step)
	}
	return ch, err
}

// Capture captures a PaymentIntent (amount 0: all of it) and records its
// new status on its token, and the step (a move, moves.go).
func (s *Session) Capture(ctx context.Context, id string, amount int64) (model.Object, error) {
	return s.move(ctx, model.MoveRequest{Action: model.MoveCapture, ID: id, Amount: amount}, "")
}

// Cancel cancels a PaymentIntent and records its new status on its token,
// and the step (a move, moves.go).
func (s *Session) Cancel(ctx context.Context, id string) (model.Object, error) {
	return s.move(ctx, model.MoveRequest{Action: model.MoveCancel, ID: id}, "")
}

// notePaymentIntent brings the Use that made pi up to its status, so the
// list and the detail show where the PaymentIntent stands, and records
// step among the token's steps. A PaymentIntent no token of the workspace
// made changes nothing.
func (s *Session) notePaymentIntent(ctx context.Context, pi model.Object, step model.Use) error {
	return s.noteStep(ctx, pi.ID, step, &pi)
}
