package service

import (
	"context"
	"strings"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

// Some objects are read only under their owner (model's KindSpec.Owner):
// a customer's card or bank account (card_, ba_), a Connect account's
// person (person_). `get` finds the owner first: in the state, where the
// token the object came from records what it was used for, else (a
// source) among the API's newest customers.

// owned retrieves id, of a kind spec read under its owner.
func (s *Session) owned(ctx context.Context, spec *model.KindSpec, id string) (model.Object, error) {
	owner, found, err := s.ownerOf(ctx, spec, id)
	if err != nil {
		return model.Object{}, err
	}
	if !found {
		return model.Object{}, ownerMissing(spec, id, model.ParamTokenID)
	}
	return s.api.ObjectUnder(ctx, owner, id)
}

// ownerMissing is the refusal of id, given as param, whose owner was not
// found.
func ownerMissing(spec *model.KindSpec, id, param string) error {
	e := &model.Error{Type: model.TypeInvalidRequest, Code: "resource_missing", Param: param, HTTPStatus: 404,
		Message: "No such " + spec.Label + ": '" + id + "'; it is read under its " + spec.Owner() +
			", and tokenscope found none it belongs to among the tokens in the state" + searched[spec.Owner()]}
	e.Explain()
	return e
}

// searched says where else an owner was looked for.
var searched = map[string]string{"customer": " and the newest customers' default sources"}

// ownerOf finds the owner of id.
func (s *Session) ownerOf(ctx context.Context, spec *model.KindSpec, id string) (string, bool, error) {
	tokens, _ := s.Tokens() // unreadable: the API is asked instead
	switch spec.Owner() {
	case "customer":
		if cus, ok := sourceOwnerIn(tokens, id); ok {
			return cus, true, nil
		}
		return s.api.SourceOwner(ctx, id)
	case "account":
		return s.personOwner(ctx, tokens, id)
	}
	return "", false, nil
}

// sourceOwnerIn is the customer the token whose card or bank account is
// id was attached to.
func sourceOwnerIn(tokens []model.Record, id string) (string, bool) {
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

// personOwner is the account, among those the state's tokens made or
// gave an id number to, that has the person id: its individual, or a
// person of its own (a company's representative). Each is asked for the
// person under it (GET /v1/accounts/{account}/persons/{id}); these probes
// are tokenscope's search, not requests the user made, so the request log
// (and a report's errors) keeps none of them, the 404s of the accounts
// the person is not under least of all.
func (s *Session) personOwner(ctx context.Context, tokens []model.Record, id string) (string, bool, error) {
	ctx = client.Unlogged(ctx)
	seen := map[string]bool{}
	for _, r := range tokens {
		for _, u := range r.Uses {
			acct := u.ObjectID
			// An id number given to a person names the person, not its
			// account.
			if (u.Kind != model.UseAccount && u.Kind != model.UseIDNumber) || !strings.HasPrefix(acct, "acct_") || seen[acct] {
				continue
			}
			seen[acct] = true
			if _, err := s.api.ObjectUnder(ctx, acct, id); err == nil {
				return acct, true, nil
			} // else gone, another key's, or not the owner
		}
	}
	return "", false, nil
}
