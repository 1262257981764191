package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// Source retrieves a customer's source under the customer the caller
// knows (the object pane's), as Object does once it has found the owner
// (owned.go): a bank account's status says whether it can be verified or
// debited. Nothing is recorded.
func (s *Session) Source(ctx context.Context, customer, id string) (model.Object, error) {
	return s.api.ObjectUnder(ctx, customer, id)
}
