package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// Refund refunds a charge or a PaymentIntent; the client refuses bad
// input before sending. Refunds are objects of the API, not tokens: the
// state records the step on the token whose use made what was refunded
// (for state export), and the request carries an idempotency key (the
// scenario's, or one of its own) so that stripe-go's retries never refund
// twice.
func (s *Session) Refund(ctx context.Context, req model.RefundRequest) (model.Object, error) {
	if req.IdempotencyKey == "" {
		req.IdempotencyKey = newKey()
	}
	re, err := s.api.Refund(ctx, req)
	if err == nil {
		err = s.noteStep(ctx, req.Of, model.StepRequest{Kind: model.StepRefund, Amount: req.Amount}.Done(re), nil)
	}
	return re, err
}

// ChargeCustomer charges a customer's default source; like Refund it
// records nothing and carries its own idempotency key.
func (s *Session) ChargeCustomer(ctx context.Context, req model.CustomerCharge) (model.Object, error) {
	req.IdempotencyKey = newKey()
	ch, err := s.api.ChargeCustomer(ctx, req)
	s.explainChargeDecline(ctx, err)
	return ch, err
}

// Verify verifies a customer's bank account with its micro-deposits (32
// and 45 in test mode); the step is recorded on the token whose use made
// the customer.
func (s *Session) Verify(ctx context.Context, req model.VerifyRequest) (model.Object, error) {
	ba, err := s.api.Verify(ctx, req)
	if err == nil {
		err = s.noteStep(ctx, req.Customer, model.StepRequest{Kind: model.StepVerify, Amounts: req.Amounts}.Done(ba), nil)
	}
	return ba, err
}

// DisputeOf finds a charge's dispute; found is false when it has none.
func (s *Session) DisputeOf(ctx context.Context, charge string) (model.Object, bool, error) {
	return s.api.DisputeOf(ctx, charge)
}

// Answer submits evidence to a dispute, or closes it (accepting the loss).
func (s *Session) Answer(ctx context.Context, id, evidence string, close bool) (model.Object, error) {
	du, err := s.api.Answer(ctx, id, evidence, close)
	if err == nil {
		step := model.StepRequest{Kind: model.StepDispute, Evidence: evidence}
		if close {
			step.Evidence = ""
		}
		err = s.noteStep(ctx, du.Fields().Get("charge"), step.Done(du), nil)
	}
	return du, err
}
