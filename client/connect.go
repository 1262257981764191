package client

import (
	"context"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// connect uses an account token to make a custom account, or a PII token
// as the id number of an individual account or of an account's person. It
// answers with the id of what it changed (the account, or the person) and
// the use's status: "created", or "id_number_provided".
func (c *Client) connect(ctx context.Context, req model.UseRequest) (id, status string, livemode bool, res *stripe.APIResponse, err error) {
	if req.Kind == model.UseIDNumber && req.Person != "" {
		return c.personIDNumber(ctx, req)
	}
	var acct *stripe.Account
	if req.Kind == model.UseIDNumber {
		params := &stripe.AccountUpdateParams{Individual: &stripe.PersonParams{IDNumber: stripe.String(req.TokenID)}}
		setKey(&params.Params, req.IdempotencyKey)
		acct, err = c.sc.V1Accounts.Update(ctx, req.Account, params)
	} else {
		params := &stripe.AccountCreateParams{Type: stripe.String(string(stripe.AccountTypeCustom)), AccountToken: stripe.String(req.TokenID)}
		setKey(&params.Params, req.IdempotencyKey)
		acct, err = c.sc.V1Accounts.Create(ctx, params)
	}
	if err != nil {
		return "", "", false, nil, err
	}
	status = "created"
	if req.Kind == model.UseIDNumber {
		status = "id_number_provided"
	}
	// An account has no livemode field; the key guard keeps live keys out.
	return acct.ID, status, false, acct.LastResponse, nil
}

// personIDNumber gives the PII token as the id number of a person of an
// account (POST /v1/accounts/{account}/persons/{person} id_number=pii_…),
// the way Stripe takes a company representative's. The person's account
// must be known by then (the service finds it).
func (c *Client) personIDNumber(ctx context.Context, req model.UseRequest) (id, status string, livemode bool, res *stripe.APIResponse, err error) {
	if req.Account == "" {
		return "", "", false, nil, model.LocalError("resource_missing", "account",
			"the account of "+req.Person+" is not known: a person is updated under its account")
	}
	params := &stripe.PersonUpdateParams{Account: stripe.String(req.Account), IDNumber: stripe.String(req.TokenID)}
	setKey(&params.Params, req.IdempotencyKey)
	p, err := c.sc.V1Persons.Update(ctx, req.Person, params)
	if err != nil {
		return "", "", false, nil, err
	}
	// A person has no livemode field either.
	return p.ID, "id_number_provided", false, p.LastResponse, nil
}
