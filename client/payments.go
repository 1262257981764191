package client

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// usePaymentMethod makes a PaymentMethod from a card token (consuming
// it): POST /v1/payment_methods type=card card[token]=tok_...
func (c *Client) usePaymentMethod(ctx context.Context, tokenID, key string) (*stripe.PaymentMethod, error) {
	p := &stripe.PaymentMethodCreateParams{Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String(tokenID)}}
	setKey(&p.Params, key)
	return c.sc.V1PaymentMethods.Create(ctx, p)
}

// usePaymentIntent makes a PaymentMethod of the token, then a
// PaymentIntent confirmed with it. use is filled in as far as it got:
// the PaymentMethod a refused PaymentIntent leaves stays recorded.
func (c *Client) usePaymentIntent(ctx context.Context, req model.UseRequest, use *model.Use) (*stripe.PaymentIntent, error) {
	key := req.IdempotencyKey
	if key == "" {
		key = NewIdempotencyKey()
	}
	pm, err := c.usePaymentMethod(ctx, req.TokenID, key+"-pm")
	if err != nil {
		return nil, err
	}
	use.PaymentMethod = pm.ID
	p := &stripe.PaymentIntentCreateParams{
		Amount: stripe.Int64(req.Amount), Currency: stripe.String(req.Currency),
		PaymentMethod: stripe.String(pm.ID), Confirm: stripe.Bool(true),
		// Card only: Stripe's default (automatic payment methods) would
		// ask for a return_url for redirect-based methods.
		PaymentMethodTypes: []*string{stripe.String("card")},
	}
	if req.CaptureMethod != "" {
		p.CaptureMethod = stripe.String(req.CaptureMethod)
	}
	if req.ReturnURL != "" {
		p.ReturnURL = stripe.String(req.ReturnURL)
	}
	setKey(&p.Params, key)
	return c.sc.V1PaymentIntents.Create(ctx, p)
}

// Capture captures a PaymentIntent in requires_capture, or an
// authorization (ch_, captureCharge): amount of it, or all of it (0).
func (c *Client) Capture(ctx context.Context, id string, amount int64) (model.Object, error) {
	if isCharge(id) {
		return c.captureCharge(ctx, id, amount)
	}
	if err := c.checkPaymentIntent(id, "capture PaymentIntents"); err != nil {
		return model.Object{}, err
	}
	p := &stripe.PaymentIntentCaptureParams{}
	if amount > 0 {
		p.AmountToCapture = stripe.Int64(amount)
	}
	setKey(&p.Params, KeyOf(ctx))
	pi, err := c.sc.V1PaymentIntents.Capture(ctx, id, p)
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(pi.LastResponse, "payment_intent")
}

// Cancel cancels a PaymentIntent.
func (c *Client) Cancel(ctx context.Context, id string) (model.Object, error) {
	if err := c.checkPaymentIntent(id, "cancel PaymentIntents"); err != nil {
		return model.Object{}, err
	}
	p := &stripe.PaymentIntentCancelParams{}
	setKey(&p.Params, KeyOf(ctx))
	pi, err := c.sc.V1PaymentIntents.Cancel(ctx, id, p)
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(pi.LastResponse, "payment_intent")
}

// checkPaymentIntent refuses, before sending, an id that is no
// PaymentIntent's and a key that cannot write.
func (c *Client) checkPaymentIntent(id, what string) error {
	if err := checkPaymentIntentID(id); err != nil {
		return err
	}
	return c.secretKey(what)
}

// checkPaymentIntentID refuses an id that is no PaymentIntent's.
func checkPaymentIntentID(id string) error {
	spec, fe := model.ObjectKindOf(id, "intent")
	if fe == nil && spec.Kind != model.KindPaymentIntent {
		fe = &model.FieldError{Type: model.TypeInvalidRequest, Code: "resource_missing", Param: "intent",
			Message: id + " is a " + spec.Label + ", not a PaymentIntent (pi_)"}
	}
	if fe != nil {
		e, _ := model.Explained(fe)
		e.Why = "that is not a PaymentIntent id (pi_…), so it was not sent"
		e.Next = "copy the pi_ id that tokenscope use TOKEN --payment-intent AMOUNT printed, or tokenscope get the token to see what it became"
		return e
	}
	return nil
}

// Authenticate answers a PaymentIntent's (or SetupIntent's) 3D Secure
// challenge. The
// emulator's page (its URL under the backend's, /3ds/) is answered here,
// as a browser's Complete or Fail would; any other page (Stripe's) is
// for a person: its URL comes back, unanswered.
func (c *Client) Authenticate(ctx context.Context, id string, fail bool) (model.Challenge, error) {
	if err := c.checkChallenged(id); err != nil {
		return model.Challenge{}, err
	}
	pi, err := c.Object(ctx, id)
	if err != nil {
		return model.Challenge{}, err
	}
	f := pi.Fields()
	ch := model.Challenge{PaymentIntent: pi, URL: model.ChallengeURL(f)}
	if status := f.Get("status"); status != model.PIRequiresAction {
		e := &model.Error{Type: model.TypeInvalidRequest, Code: "payment_intent_unexpected_state",
			Message:   id + " has status " + status + ": it waits for no 3D Secure challenge (only requires_action does)",
			RequestID: pi.RequestID}
		e.Explain()
		return ch, e
	}
	if ch.URL == "" || !strings.HasPrefix(ch.URL, c.backend.URL+model.EmulatorChallengePath) {
		return ch, nil
	}
	action := "complete"
	if fail {
		action = "fail"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ch.URL, strings.NewReader(url.Values{"action": {action}}.Encode()))
	if err != nil {
		return ch, &model.Error{Type: model.TypeAPIError, Message: "the challenge URL is not usable: " + err.Error()}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		return ch, c.fromAPI(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return ch, &model.Error{Type: model.TypeAPIError, HTTPStatus: res.StatusCode,
			Message: "the emulator's 3D Secure page answered HTTP " + res.Status}
	}
	if ch.PaymentIntent, err = c.Object(ctx, id); err != nil {
		return ch, err
	}
	ch.Answered = true
	return ch, nil
}
