package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// Refund refunds a charge or a PaymentIntent; the client refuses bad
// input before sending. Refunds are objects of the API, not tokens: the
// state records the step on the token whose use made what was refunded
// (for state export). The request carries an idempotency key (the
// scenario's, or one of its own) and is a move (moves.go): one sent again
// never refunds twice.
func (s *Session) Refund(ctx context.Context, req model.RefundRequest) (model.Object, error) {
	return s.move(ctx, model.MoveRequest{Action: model.MoveRefund, ID: req.Of, Amount: req.Amount}, req.IdempotencyKey)
}

// ChargeCustomer charges a customer's default source. It records nothing
// but is a move (moves.go): a charge sent again after a cancel carries
// the first one's key, so the customer is charged once.
func (s *Session) ChargeCustomer(ctx context.Context, req model.CustomerCharge) (model.Object, error) {
	ch, err := s.move(ctx, model.MoveRequest{Action: model.MoveCharge, ID: req.Customer, Amount: req.Amount, Currency: req.Currency}, "")
	s.explainChargeDecline(ctx, err)
	return ch, err
}

// Verify verifies a customer's bank account with its micro-deposits (32
// and 45 in test mode); the step is recorded on the token whose use made
// the customer.
func (s *Session) Verify(ctx context.Context, req model.VerifyRequest) (model.Object, error) {
	return s.move(ctx, model.MoveRequest{Action: model.MoveVerify, ID: req.Bank, Customer: req.Customer, Amounts: req.Amounts}, "")
}

// DisputeOf finds a charge's dispute; found is false when it has none.
func (s *Session) DisputeOf(ctx context.Context, charge string) (model.Object, bool, error) {
	return s.api.DisputeOf(ctx, charge)
}

// Answer submits evidence to a dispute, or closes it (accepting the loss).
func (s *Session) Answer(ctx context.Context, id, evidence string, close bool) (model.Object, error) {
	return s.move(ctx, model.MoveRequest{Action: model.MoveAnswer, ID: id, Evidence: evidence, Close: close}, "")
}
