package emulator

import (
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// pmOf makes a PaymentMethod of a fresh Visa token.
func pmOf(t *testing.T, c *stripe.Client) string {
	t.Helper()
	tok, err := c.V1Tokens.Create(ctx, cardParams(t, "4242424242424242"))
	if err != nil {
		t.Fatal(err)
	}
	pm, err := c.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String(tok.ID)}})
	if err != nil {
		t.Fatal(err)
	}
	return pm.ID
}

func newCustomer(t *testing.T, c *stripe.Client) string {
	t.Helper()
	cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})
	if err != nil {
		t.Fatal(err)
	}
	return cus.ID
}

func attachPM(c *stripe.Client, pm, cus string) error {
	_, err := c.V1PaymentMethods.Attach(ctx, pm, &stripe.PaymentMethodAttachParams{Customer: stripe.String(cus)})
	return err
}

// wantRefused asserts err is Stripe's 400 invalid_request_error with
// this message.
func wantRefused(t *testing.T, what string, err error, msg string) {
	t.Helper()
	se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")
	if se.Msg != msg {
		t.Errorf("%s: message %q, want %q", what, se.Msg, msg)
	}
}

// A PaymentMethod that belongs to no customer pays once: the second
// PaymentIntent, and an attach after it, are refused with Stripe's
// messages.
func TestPaymentMethodWithoutCustomerPaysOnce(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	pm := pmOf(t, c)
	if pi, err := confirmPI(c, pm, nil); err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded {
		t.Fatalf("first use: %+v %v", pi, err)
	}
	_, err := confirmPI(c, pm, nil)
	wantRefused(t, "second use", err, msgPMSpentUse)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "payment_method" {
		t.Errorf("param %q", se.Param)
	}
	// Confirming a PaymentIntent made without it is refused the same way.
	pi, err := c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(500), Currency: stripe.String("usd"),
		PaymentMethodTypes: stripe.StringSlice([]string{"card"})})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.V1PaymentIntents.Confirm(ctx, pi.ID, &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.String(pm)})
	wantRefused(t, "confirm", err, msgPMSpentUse)
	wantRefused(t, "attach", attachPM(c, pm, newCustomer(t, c)), msgPMSpentAttach)
}

// A PaymentMethod detached from its customer is spent: neither used nor
// attached again, to that customer or another.
func TestDetachedPaymentMethodIsSpent(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	pm, cus := pmOf(t, c), newCustomer(t, c)
	if err := attachPM(c, pm, cus); err != nil {
		t.Fatal(err)
	}
	if _, err := c.V1PaymentMethods.Detach(ctx, pm, nil); err != nil {
		t.Fatal(err)
	}
	wantRefused(t, "re-attach", attachPM(c, pm, cus), msgPMSpentAttach)
	wantRefused(t, "attach to another", attachPM(c, pm, newCustomer(t, c)), msgPMSpentAttach)
	_, err := confirmPI(c, pm, nil)
	wantRefused(t, "use", err, msgPMSpentUse)
}

// A PaymentMethod attached to a customer pays for that customer as often
// as asked, and never for another.
func TestAttachedPaymentMethodPaysForItsCustomerOnly(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	pm, a, b := pmOf(t, c), newCustomer(t, c), newCustomer(t, c)
	if err := attachPM(c, pm, a); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if pi, err := confirmPI(c, pm, func(p *stripe.PaymentIntentCreateParams) { p.Customer = stripe.String(a) }); err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded {
			t.Fatalf("use %d with its customer: %+v %v", i+1, pi, err)
		}
	}
	_, err := confirmPI(c, pm, func(p *stripe.PaymentIntentCreateParams) { p.Customer = stripe.String(b) })
	wantRefused(t, "another customer", err,
		"The customer does not have a payment method with the ID "+pm+". The payment method must be attached to the customer.")
	_, err = confirmPI(c, pm, nil)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")
	wantRefused(t, "attach to another", attachPM(c, pm, b), "The payment method you provided has already been attached to a customer.")
}

// A PaymentIntent with a customer and setup_future_usage saves the
// PaymentMethod it pays with: attached to the customer, it pays again.
func TestSetupFutureUsageAttachesThePaymentMethod(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	pm, cus := pmOf(t, c), newCustomer(t, c)
	withCustomer := func(p *stripe.PaymentIntentCreateParams) { p.Customer = stripe.String(cus) }
	saving := func(p *stripe.PaymentIntentCreateParams) {
		withCustomer(p)
		p.SetupFutureUsage = stripe.String("off_session")
	}
	if _, err := confirmPI(c, pm, saving); err != nil {
		t.Fatal(err)
	}
	got, err := c.V1PaymentMethods.Retrieve(ctx, pm, nil)
	if err != nil || got.Customer == nil || got.Customer.ID != cus {
		t.Fatalf("after a saving payment: %+v %v", got, err)
	}
	if _, err := confirmPI(c, pm, withCustomer); err != nil {
		t.Fatalf("second payment: %v", err)
	}
}
