package client

import (
	"context"
	"net/http"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// maxOwnerPages bounds how many pages of customers SourceOwner reads
// (100 each): the newest thousand customers.
const maxOwnerPages = 10

// ObjectUnder retrieves an object read only under its owner (a card_ or
// ba_ under its customer, a person_ under its account: model's
// KindSpec.Owner), GET /v1/customers/{customer}/sources/{id} and the
// like. Both ids are checked before they go into the path. An object
// read by its id alone is read so, whatever the owner.
func (c *Client) ObjectUnder(ctx context.Context, owner, id string) (model.Object, error) {
	spec, fe := model.ObjectKindOf(id, model.ParamTokenID)
	switch {
	case fe != nil:
		return model.Object{}, fromValidation(fe)
	case spec.Owner() == "":
		return c.Object(ctx, id)
	}
	if fe := model.ValidateObjectID(owner, spec.Owner(), spec.Owner(), model.PrefixesOf(spec.Owner())...); fe != nil {
		return model.Object{}, fromValidation(fe)
	}
	if err := c.secretKey("retrieve " + spec.Label + "s"); err != nil {
		return model.Object{}, err
	}
	var v rawResource
	p := &stripe.Params{Context: ctx}
	if err := c.sc.V1Tokens.B.Call(http.MethodGet, spec.ObjectPath(id, owner), c.sc.V1Tokens.Key, p, &v); err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(v.LastResponse, string(spec.Kind))
}

// SourceOwner finds the customer whose default source is id (card_, ba_)
// among the newest customers (GET /v1/customers, maxOwnerPages pages):
// what `get` asks when the state does not know where a source went.
func (c *Client) SourceOwner(ctx context.Context, id string) (string, bool, error) {
	if err := c.secretKey("read customers"); err != nil {
		return "", false, err
	}
	params := &stripe.CustomerListParams{}
	params.Limit = stripe.Int64(100)
	read := 0
	for cus, err := range c.sc.V1Customers.List(ctx, params).All(ctx) {
		if err != nil {
			return "", false, c.fromAPI(err)
		}
		if cus.DefaultSource != nil && cus.DefaultSource.ID == id {
			return cus.ID, true, nil
		}
		if read++; read == maxOwnerPages*100 {
			break
		}
	}
	return "", false, nil
}
