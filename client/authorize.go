package client

import (
	"context"
	"strings"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// useAuthorize authorizes req.Amount on the card token without capturing
// it (POST /v1/charges capture=false); use gets the charge, as
// uncaptured, and when it must be captured by.
func (c *Client) useAuthorize(ctx context.Context, req model.UseRequest, use *model.Use) (bool, *stripe.APIResponse, error) {
	params := &stripe.ChargeCreateParams{
		Amount:   stripe.Int64(req.Amount),
		Currency: stripe.String(req.Currency),
		Source:   &stripe.PaymentSourceSourceParams{Token: stripe.String(req.TokenID)},
		Capture:  stripe.Bool(false),
	}
	setKey(&params.Params, req.IdempotencyKey)
	ch, err := c.sc.V1Charges.Create(ctx, params)
	if err != nil {
		return false, nil, err
	}
	use.ObjectID, use.Status = ch.ID, string(ch.Status)
	if ch.Status == stripe.ChargeStatusSucceeded && !ch.Captured {
		use.Status = model.ChargeUncaptured
	}
	if d := ch.PaymentMethodDetails; d != nil && d.Card != nil {
		use.CaptureBefore = d.Card.CaptureBefore
	}
	return ch.Livemode, ch.LastResponse, nil
}

// captureCharge captures an authorization made with capture=false:
// amount of it, or all of it (0).
func (c *Client) captureCharge(ctx context.Context, id string, amount int64) (model.Object, error) {
	if err := checkChargeID(id); err != nil {
		return model.Object{}, err
	}
	if err := c.secretKey("capture charges"); err != nil {
		return model.Object{}, err
	}
	p := &stripe.ChargeCaptureParams{}
	if amount > 0 {
		p.Amount = stripe.Int64(amount)
	}
	setKey(&p.Params, KeyOf(ctx))
	ch, err := c.sc.V1Charges.Capture(ctx, id, p)
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(ch.LastResponse, "charge")
}

// isCharge: a ch_ id, which capture takes beside a PaymentIntent's.
func isCharge(id string) bool { return strings.HasPrefix(id, "ch_") }

// checkChargeID refuses a malformed charge id: it goes nowhere near a URL
// path.
func checkChargeID(id string) error {
	if _, fe := model.ObjectKindOf(id, "charge"); fe != nil {
		e, _ := model.Explained(fe)
		return e
	}
	return nil
}
