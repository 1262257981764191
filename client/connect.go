package client

import (
	"context"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// connect uses an account token to make a custom account, or a PII token
// as the id number of an individual account. It answers with the account's
// id and the use's status: "created", or "id_number_provided".
func (c *Client) connect(ctx context.Context, req model.UseRequest) (id, status string, livemode bool, res *stripe.APIResponse, err error) {
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
