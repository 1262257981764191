package client

import (
	"context"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// Attach attaches a PaymentMethod to a customer: POST
// /v1/payment_methods/{pm}/attach customer=cus_…. A test PaymentMethod
// (pm_card_visa) attaches as a new one, as in Stripe's test mode.
func (c *Client) Attach(ctx context.Context, pm, customer string) (model.Object, error) {
	if err := c.checkPaymentMethod(pm, "attach PaymentMethods"); err != nil {
		return model.Object{}, err
	}
	if fe := model.ValidateObjectID(customer, "customer", "customer", "cus_"); fe != nil {
		return model.Object{}, fromValidation(fe)
	}
	p := &stripe.PaymentMethodAttachParams{Customer: stripe.String(customer)}
	setKey(&p.Params, KeyOf(ctx))
	out, err := c.sc.V1PaymentMethods.Attach(ctx, pm, p)
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(out.LastResponse, "payment_method")
}

// Detach detaches a PaymentMethod from its customer: POST
// /v1/payment_methods/{pm}/detach. Stripe keeps it, attached to no one:
// it cannot be used again.
func (c *Client) Detach(ctx context.Context, pm string) (model.Object, error) {
	if err := c.checkPaymentMethod(pm, "detach PaymentMethods"); err != nil {
		return model.Object{}, err
	}
	p := &stripe.PaymentMethodDetachParams{}
	setKey(&p.Params, KeyOf(ctx))
	out, err := c.sc.V1PaymentMethods.Detach(ctx, pm, p)
	if err != nil {
		return model.Object{}, c.fromAPI(err)
	}
	return c.object(out.LastResponse, "payment_method")
}

// checkPaymentMethod refuses, unsent, an id that is no PaymentMethod's
// (a token id typed where pm_… belongs), then a key that cannot do what.
func (c *Client) checkPaymentMethod(id, what string) error {
	if err := checkPaymentMethodID(id); err != nil {
		return err
	}
	return c.secretKey(what)
}

// checkPaymentMethodID refuses an id that is no PaymentMethod's.
func checkPaymentMethodID(id string) error {
	if s, ok := model.KindOfID(id); ok && s.Object == model.ObjectToken {
		fe := &model.FieldError{Type: model.TypeInvalidRequest, Code: "resource_missing", Param: "payment_method",
			Message: id + " is a token, not a PaymentMethod (pm_): make one of it first with tokenscope use " + id + " --payment-method"}
		e, _ := model.Explained(fe)
		e.Why = "a PaymentMethod is made of a card token (which that consumes); a token is not attached itself"
		e.Next = "tokenscope use " + id + " --payment-method, then attach the pm_ it prints"
		return e
	}
	spec, fe := model.ObjectKindOf(id, "payment_method")
	if fe == nil && spec.Kind != model.KindPaymentMethod {
		fe = &model.FieldError{Type: model.TypeInvalidRequest, Code: "resource_missing", Param: "payment_method",
			Message: id + " is " + model.WithArticle(spec.Label) + ", not a PaymentMethod (pm_)"}
	}
	if fe != nil {
		e, _ := model.Explained(fe)
		e.Why = "that is not a PaymentMethod id (pm_…), so it was not sent"
		e.Next = "make one of a card token with tokenscope use TOKEN --payment-method, or use a test PaymentMethod such as pm_card_visa"
		return e
	}
	return nil
}
