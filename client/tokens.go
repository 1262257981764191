package client

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// Create validates req locally, then POSTs /v1/tokens.
func (c *Client) Create(ctx context.Context, req model.TokenRequest) (model.Record, error) {
	if err := CheckCreate(req, c.now()); err != nil {
		return model.Record{}, err
	}
	tok := &stripe.Token{}
	err := c.sc.V1Tokens.B.Call(http.MethodPost, "/v1/tokens", c.sc.V1Tokens.Key, newTokenForm(ctx, req), tok)
	if err != nil {
		return model.Record{}, c.fromAPI(err)
	}
	rec, err := c.record(tok)
	rec.Preset = req.Preset
	return rec, err
}

// Get retrieves a token (GET /v1/tokens/{id}). A publishable key cannot, so
// it is refused here with an explanation rather than Stripe's bare 401. An
// id that is not a token id is refused before it goes into the path.
func (c *Client) Get(ctx context.Context, id string) (model.Record, error) {
	if c.backend.Publishable {
		return model.Record{}, model.LocalError(model.CodeSecretKey, "key",
			"a secret key (sk_test_ or rk_test_) is needed to retrieve tokens; pk_test_ keys can only create them")
	}
	if fe := model.ValidateTokenID(id, model.ParamTokenID); fe != nil {
		return model.Record{}, fromValidation(fe)
	}
	tok, err := c.sc.V1Tokens.Retrieve(ctx, id, nil)
	if err != nil {
		return model.Record{}, c.fromAPI(err)
	}
	return c.record(tok)
}

// record turns an API Token into a Record, refusing live-mode answers.
func (c *Client) record(tok *stripe.Token) (model.Record, error) {
	res := tok.LastResponse
	if tok.Livemode {
		return model.Record{}, refuseLivemode("token", res.RequestID)
	}
	rec, err := model.NewRecord(res.RawJSON, res.RequestID, c.now())
	if err != nil {
		return model.Record{}, &model.Error{Type: model.TypeAPIError, Message: err.Error(), RequestID: res.RequestID, HTTPStatus: res.StatusCode}
	}
	return rec, nil
}

// Use consumes a token by a new customer or a charge. On a decline the Use
// is filled in too (status failed, the codes, the failed charge's id) and
// returned with the *Error.
func (c *Client) Use(ctx context.Context, req model.UseRequest) (model.Use, error) {
	if err := CheckUse(req); err != nil {
		return model.Use{}, err
	}
	if c.backend.Publishable {
		return model.Use{}, model.LocalError(model.CodeSecretKey, "key",
			"a secret key (sk_test_ or rk_test_) is needed to create customers and charges")
	}
	use := model.Use{Kind: req.Kind, CaptureMethod: req.CaptureMethod, At: c.now().UTC()}
	var (
		res      *stripe.APIResponse
		livemode bool
		err      error
	)
	switch req.Kind {
	case model.UseAccount, model.UseIDNumber:
		use.ObjectID, use.Status, livemode, res, err = c.connect(ctx, req)
	case model.UseCustomer:
		var cus *stripe.Customer
		params := &stripe.CustomerCreateParams{Source: stripe.String(req.TokenID)}
		setKey(&params.Params, req.IdempotencyKey)
		cus, err = c.sc.V1Customers.Create(ctx, params)
		if err == nil {
			use.ObjectID, use.Status, livemode, res = cus.ID, "attached", cus.Livemode, cus.LastResponse
			if cus.DefaultSource != nil {
				use.Source = cus.DefaultSource.ID
			}
		}
	case model.UsePaymentMethod:
		var pm *stripe.PaymentMethod
		pm, err = c.usePaymentMethod(ctx, req.TokenID, req.IdempotencyKey)
		if err == nil {
			use.ObjectID, use.Status, livemode, res = pm.ID, "created", pm.Livemode, pm.LastResponse
		}
	case model.UseAuthorize:
		use.Amount, use.Currency = req.Amount, req.Currency
		livemode, res, err = c.useAuthorize(ctx, req, &use)
	case model.UseSetupIntent:
		livemode, res, err = c.useSetupIntent(ctx, req, &use)
	case model.UsePaymentIntent:
		use.Amount, use.Currency = req.Amount, req.Currency
		var pi *stripe.PaymentIntent
		pi, err = c.usePaymentIntent(ctx, req, &use)
		if err == nil {
			use.ObjectID, use.Status, livemode, res = pi.ID, string(pi.Status), pi.Livemode, pi.LastResponse
			if pi.LatestCharge != nil {
				use.Charge = pi.LatestCharge.ID
			}
		}
	default:
		use.Amount, use.Currency = req.Amount, req.Currency
		var ch *stripe.Charge
		params := &stripe.ChargeCreateParams{
			Amount:   stripe.Int64(req.Amount),
			Currency: stripe.String(req.Currency),
			Source:   &stripe.PaymentSourceSourceParams{Token: stripe.String(req.TokenID)},
		}
		setKey(&params.Params, req.IdempotencyKey)
		ch, err = c.sc.V1Charges.Create(ctx, params)
		if err == nil {
			use.ObjectID, use.Status, livemode, res = ch.ID, string(ch.Status), ch.Livemode, ch.LastResponse
		}
	}
	if err != nil {
		err = c.fromAPI(err)
		e, _ := model.AsError(err)
		use.Status, use.Code, use.DeclineCode = "failed", e.Code, e.DeclineCode
		// What the attempt made: the PaymentIntent a decline left, the
		// failed charge, or the PaymentMethod a refused PaymentIntent
		// consumed the token into.
		use.ObjectID, use.RequestID = cmp.Or(e.PaymentIntent, e.SetupIntent, e.Charge, use.PaymentMethod), e.RequestID
		return use, err
	}
	if livemode {
		return model.Use{}, refuseLivemode(string(req.Kind), res.RequestID)
	}
	use.RequestID = res.RequestID
	return use, nil
}

// setKey sends key as the Idempotency-Key; "" sends a new key of
// tokenscope's own. stripe-go's own key starts with a 19-digit
// nanosecond time, which the output's card-number masking reads as a
// card: an event's request.idempotency_key would then be masked and could
// not be matched with the request log.
func setKey(p *stripe.Params, key string) {
	if key == "" {
		key = NewIdempotencyKey()
	}
	p.IdempotencyKey = stripe.String(key)
}

// NewIdempotencyKey is "tokenscope-" and a random UUID: what the service
// sends with its writes, and the key of any POST that names none.
func NewIdempotencyKey() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on the platforms Go supports
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return "tokenscope-" + h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
