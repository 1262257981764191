package client

import (
	"context"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// useSetupIntent saves the card token for later, off-session payments: a
// PaymentMethod made of it, a new customer, and a SetupIntent confirmed
// with both. use is filled in as far as it got, so a decline still names
// the PaymentMethod and customer it made.
func (c *Client) useSetupIntent(ctx context.Context, req model.UseRequest, use *model.Use) (bool, *stripe.APIResponse, error) {
	key := req.IdempotencyKey
	if key == "" {
		key = NewIdempotencyKey()
	}
	pm, err := c.usePaymentMethod(ctx, req.TokenID, key+"-pm")
	if err != nil {
		return false, nil, err
	}
	use.PaymentMethod = pm.ID
	cp := &stripe.CustomerCreateParams{}
	setKey(&cp.Params, key+"-cus")
	cus, err := c.sc.V1Customers.Create(ctx, cp)
	if err != nil {
		return false, nil, err
	}
	use.Customer = cus.ID
	p := &stripe.SetupIntentCreateParams{
		Customer: stripe.String(cus.ID), PaymentMethod: stripe.String(pm.ID), Confirm: stripe.Bool(true),
		Usage: stripe.String(string(stripe.SetupIntentUsageOffSession)),
		// Card only, as for a PaymentIntent: Stripe's default (automatic
		// payment methods) would ask for a return_url.
		PaymentMethodTypes: []*string{stripe.String("card")},
	}
	if req.ReturnURL != "" {
		p.ReturnURL = stripe.String(req.ReturnURL)
	}
	setKey(&p.Params, key)
	si, err := c.sc.V1SetupIntents.Create(ctx, p)
	if err != nil {
		return false, nil, err
	}
	use.ObjectID, use.Status = si.ID, string(si.Status)
	return si.Livemode || cus.Livemode || pm.Livemode, si.LastResponse, nil
}

// checkChallenged refuses, before sending, an id that is neither a
// PaymentIntent's nor a SetupIntent's (the objects a 3D Secure challenge
// waits on), and a key that cannot read them.
func (c *Client) checkChallenged(id string) error {
	if spec, fe := model.ObjectKindOf(id, "intent"); fe == nil && spec.Kind == model.KindSetupIntent {
		return c.secretKey("read SetupIntents")
	}
	return c.checkPaymentIntent(id, "read PaymentIntents")
}
