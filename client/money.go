package client

import (
	"context"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// Refund refunds a charge or a PaymentIntent (POST /v1/refunds): all that
// remains, or req.Amount.
func (c *Client) Refund(ctx context.Context, req model.RefundRequest) (model.Object, error) {
	if err := fromValidation(model.ValidateRefund(req)); err != nil {
		return model.Object{}, err
	}
	if err := c.secretKey("refund charges"); err != nil {
		return model.Object{}, err
	}
	params := &stripe.RefundCreateParams{}
	if model.RefundParam(req.Of) == "payment_intent" {
		params.PaymentIntent = stripe.String(req.Of)
	} else {
		params.Charge = stripe.String(req.Of)
	}
	if req.Amount > 0 {
		params.Amount = stripe.Int64(req.Amount)
	}
	setKey(&params.Params, req.IdempotencyKey)
	re, err := c.sc.V1Refunds.Create(ctx, params)
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(re.LastResponse, "refund")
}

// Verify verifies a customer's bank account with the micro-deposit
// amounts (POST /v1/customers/{cus}/sources/{ba}/verify).
func (c *Client) Verify(ctx context.Context, req model.VerifyRequest) (model.Object, error) {
	if err := fromValidation(model.ValidateVerify(req)); err != nil {
		return model.Object{}, err
	}
	if err := c.secretKey("verify bank accounts"); err != nil {
		return model.Object{}, err
	}
	params := &stripe.PaymentSourceVerifyParams{Customer: stripe.String(req.Customer), Amounts: req.Amounts}
	setKey(&params.Params, KeyOf(ctx))
	src, err := c.sc.V1PaymentSources.Verify(ctx, req.Bank, params)
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(src.LastResponse, "bank account")
}

// ChargeCustomer charges a customer's default source (POST /v1/charges
// customer=cus_…): a card, or a verified bank account, whose debit is
// pending before its test account number decides it.
func (c *Client) ChargeCustomer(ctx context.Context, req model.CustomerCharge) (model.Object, error) {
	if err := fromValidation(model.ValidateCustomerCharge(req)); err != nil {
		return model.Object{}, err
	}
	if err := c.secretKey("charge customers"); err != nil {
		return model.Object{}, err
	}
	params := &stripe.ChargeCreateParams{Amount: stripe.Int64(req.Amount), Currency: stripe.String(req.Currency), Customer: stripe.String(req.Customer)}
	setKey(&params.Params, req.IdempotencyKey)
	ch, err := c.sc.V1Charges.Create(ctx, params)
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(ch.LastResponse, "charge")
}

// DisputeOf finds the dispute of a charge (GET /v1/disputes?charge=);
// found is false when the charge has none.
func (c *Client) DisputeOf(ctx context.Context, charge string) (du model.Object, found bool, err error) {
	if fe := model.ValidateObjectID(charge, "charge", "charge", "ch_", "py_"); fe != nil {
		return model.Object{}, false, fromValidation(fe)
	}
	if err := c.secretKey("read disputes"); err != nil {
		return model.Object{}, false, err
	}
	params := &stripe.DisputeListParams{Charge: stripe.String(charge)}
	params.Limit = stripe.Int64(1)
	for d, err := range c.sc.V1Disputes.List(ctx, params).All(ctx) {
		if err != nil {
			return model.Object{}, false, c.fromAPI(err)
		}
		// A list's items carry no response of their own: the dispute is
		// read again, so it is shown exactly as the API gives it.
		obj, err := c.Object(ctx, d.ID)
		return obj, err == nil, err
	}
	return model.Object{}, false, nil
}

// Answer answers a dispute (POST /v1/disputes/{id}): evidence submitted
// as uncategorized_text (winning_evidence or losing_evidence decide it in
// test mode), or, with close, the loss accepted (POST .../close).
func (c *Client) Answer(ctx context.Context, id, evidence string, close bool) (model.Object, error) {
	if fe := model.ValidateObjectID(id, "dispute", "dispute", "du_", "dp_"); fe != nil {
		return model.Object{}, fromValidation(fe)
	}
	if err := c.secretKey("answer disputes"); err != nil {
		return model.Object{}, err
	}
	var (
		d   *stripe.Dispute
		err error
	)
	if close {
		p := &stripe.DisputeCloseParams{}
		setKey(&p.Params, KeyOf(ctx))
		d, err = c.sc.V1Disputes.Close(ctx, id, p)
	} else {
		p := &stripe.DisputeUpdateParams{
			Evidence: &stripe.DisputeUpdateEvidenceParams{UncategorizedText: stripe.String(evidence)}}
		setKey(&p.Params, KeyOf(ctx))
		d, err = c.sc.V1Disputes.Update(ctx, id, p)
	}
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(d.LastResponse, "dispute")
}
