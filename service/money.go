package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// Refund refunds a charge or a PaymentIntent; the client refuses bad
// input before sending. Refunds are objects of the API, not tokens: the
// state records nothing, and the request carries an idempotency key of its
// own so that stripe-go's retries never refund twice.
func (s *Session) Refund(ctx context.Context, req model.RefundRequest) (model.Object, error) {
	req.IdempotencyKey = newKey()
	return s.api.Refund(ctx, req)
}

// ChargeCustomer charges a customer's default source; like Refund it
// records nothing and carries its own idempotency key.
func (s *Session) ChargeCustomer(ctx context.Context, req model.CustomerCharge) (model.Object, error) {
	req.IdempotencyKey = newKey()
	return s.api.ChargeCustomer(ctx, req)
}

// Verify verifies a customer's bank account with its micro-deposits (32
// and 45 in test mode). Nothing is recorded: the account lives in the API.
func (s *Session) Verify(ctx context.Context, req model.VerifyRequest) (model.Object, error) {
	return s.api.Verify(ctx, req)
}

// DisputeOf finds a charge's dispute; found is false when it has none.
func (s *Session) DisputeOf(ctx context.Context, charge string) (model.Object, bool, error) {
	return s.api.DisputeOf(ctx, charge)
}

// Answer submits evidence to a dispute, or closes it (accepting the loss).
func (s *Session) Answer(ctx context.Context, id, evidence string, close bool) (model.Object, error) {
	return s.api.Answer(ctx, id, evidence, close)
}
