package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// A customer's card or bank account (card_, ba_) is read under its
// customer (GET /v1/customers/{customer}/sources/{id}), so `get` finds the
// customer first: in the state, where the token it came from records the
// customer it was attached to, else among the API's newest customers.

// source retrieves the card or bank account id under its customer.
func (s *Session) source(ctx context.Context, id string) (model.Object, error) {
	cus, found := s.ownerInState(id)
	if !found {
		var err error
		if cus, found, err = s.api.SourceOwner(ctx, id); err != nil {
			return model.Object{}, err
		}
	}
	if !found {
		e := &model.Error{Type: model.TypeInvalidRequest, Code: "resource_missing", Param: model.ParamTokenID, HTTPStatus: 404,
			Message: "No such source: '" + id + "'; it is read under its customer, and tokenscope found none it belongs to " +
				"(no token in the state was attached to a customer as it, and it is not the default source of the newest customers)"}
		e.Explain()
		return model.Object{}, e
	}
	return s.api.Source(ctx, cus, id)
}

// ownerInState is the customer the state's token whose card or bank
// account is id was attached to.
func (s *Session) ownerInState(id string) (string, bool) {
	tokens, err := s.Tokens()
	if err != nil {
		return "", false // the API is asked instead
	}
	for _, r := range tokens {
		f, err := model.DecodeFields(r.Raw)
		if err != nil || (f.Get("card.id") != id && f.Get("bank_account.id") != id) {
			continue
		}
		for _, u := range r.Uses {
			if u.Kind == model.UseCustomer && u.ObjectID != "" {
				return u.ObjectID, true
			}
		}
	}
	return "", false
}
