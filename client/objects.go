package client

import (
	"context"
	"net/http"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// rawResource takes any answer: its body stays in LastResponse.RawJSON.
type rawResource struct {
	stripe.APIResource
}

// Object retrieves any object of a kind the registry gives a Path (GET
// <Path><id>), as the API returned it. The id is checked before it goes
// into the path; a publishable key is refused here, as for tokens.
func (c *Client) Object(ctx context.Context, id string) (model.Object, error) {
	spec, fe := model.ObjectKindOf(id, model.ParamTokenID)
	if fe != nil {
		return model.Object{}, fromValidation(fe)
	}
	if owner := spec.Owner(); owner != "" {
		return model.Object{}, model.LocalError("parameter_missing", owner,
			"a "+spec.Label+" ("+id+") is read under its "+owner+": GET "+spec.Path+id)
	}
	if err := c.secretKey("retrieve " + spec.Label + "s"); err != nil {
		return model.Object{}, err
	}
	var v rawResource
	p := &stripe.Params{Context: ctx}
	if err := c.sc.V1Tokens.B.Call(http.MethodGet, spec.ObjectPath(id, ""), c.sc.V1Tokens.Key, p, &v); err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(v.LastResponse, string(spec.Kind))
}

// secretKey refuses what a publishable key cannot do, before sending.
func (c *Client) secretKey(what string) error {
	if c.backend.Publishable {
		return model.LocalError(model.CodeSecretKey, "key",
			"a secret key (sk_test_ or rk_test_) is needed to "+what+"; pk_test_ keys can only create tokens")
	}
	return nil
}

// object turns an answer into an Object, refusing live-mode answers.
func (c *Client) object(res *stripe.APIResponse, what string) (model.Object, error) {
	o, err := model.NewObject(res.RawJSON, res.RequestID, c.now())
	if err != nil {
		return model.Object{}, &model.Error{Type: model.TypeAPIError, Message: err.Error(), RequestID: res.RequestID, HTTPStatus: res.StatusCode}
	}
	if o.Livemode {
		return model.Object{}, refuseLivemode(what, res.RequestID)
	}
	return o, nil
}
