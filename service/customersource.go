package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// Source retrieves a customer's source, as Object does an object with a
// path of its own: a bank account's status says whether it can be
// verified or debited. Nothing is recorded.
func (s *Session) Source(ctx context.Context, customer, id string) (model.Object, error) {
	return s.api.Source(ctx, customer, id)
}
