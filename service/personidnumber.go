package service

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// withPersonAccount fills in the account of the person an id number goes
// to (use pii_… --id-number-for person_…): Stripe updates a person under
// its account (POST /v1/accounts/{account}/persons/{person}), and the
// user names the person alone, as `get person_…` does. The account is
// found as get finds it, before anything is written ahead, so a request
// sent again after a crash names it too.
func (s *Session) withPersonAccount(ctx context.Context, req model.UseRequest) (model.UseRequest, error) {
	if req.Kind != model.UseIDNumber || req.Person == "" || req.Account != "" {
		return req, nil
	}
	spec, fe := model.ObjectKindOf(req.Person, "person")
	if fe != nil {
		e, _ := model.Explained(fe)
		return req, e
	}
	acct, found, err := s.ownerOf(ctx, spec, req.Person)
	switch {
	case err != nil:
		return req, err
	case !found:
		return req, ownerMissing(spec, req.Person, "person")
	}
	req.Account = acct
	return req, nil
}
