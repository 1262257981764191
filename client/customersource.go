package client

import (
	"context"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// Source retrieves a customer's source (GET
// /v1/customers/{cus}/sources/{id}): a bank account has no path of its
// own, and its status (new, verified…) decides what can be done with it.
func (c *Client) Source(ctx context.Context, customer, id string) (model.Object, error) {
	if fe := model.ValidateObjectID(customer, "customer", "customer", "cus_"); fe != nil {
		return model.Object{}, fromValidation(fe)
	}
	if fe := model.ValidateObjectID(id, "id", "source", "ba_", "card_", "src_"); fe != nil {
		return model.Object{}, fromValidation(fe)
	}
	if err := c.secretKey("read a customer's sources"); err != nil {
		return model.Object{}, err
	}
	src, err := c.sc.V1PaymentSources.Retrieve(ctx, id, &stripe.PaymentSourceRetrieveParams{Customer: stripe.String(customer)})
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(src.LastResponse, "source")
}
