package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// Refusals whose words were checked against Stripe's own answers, pinned
// verbatim so a rewording shows: updating a PaymentMethod no customer
// has, a string given for an address, a default payment method the
// customer does not have, a PaymentIntent in the wrong status, and the
// return_url a Payment Intent or Setup Intent with automatic payment
// methods needs (the sources are on the functions that answer).
func TestStripeWording(t *testing.T) {
	e, _ := newServer(t, "")
	c := newClient(newSpecServer(t, e), testKey)

	pm, err := c.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String("tok_visa")}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.V1PaymentMethods.Update(ctx, pm.ID, &stripe.PaymentMethodUpdateParams{Metadata: map[string]string{"a": "b"}})
	if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, ""); se.Msg != "You must save this PaymentMethod to a customer before you can update it." {
		t.Errorf("update without a customer: %q", se.Msg)
	}

	cus, _ := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})
	_, err = c.V1Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{
		InvoiceSettings: &stripe.CustomerUpdateInvoiceSettingsParams{DefaultPaymentMethod: stripe.String(pm.ID)}})
	want := "The customer does not have a payment method with the ID " + pm.ID + ". The payment method must be attached to the customer."
	if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, ""); se.Msg != want || se.Param != "invoice_settings[default_payment_method]" {
		t.Errorf("default payment method not attached: %q (%s)", se.Msg, se.Param)
	}

	// A string for a hash: Stripe's bare "Invalid object", naming it.
	if _, err := c.V1PaymentMethods.Attach(ctx, pm.ID, &stripe.PaymentMethodAttachParams{Customer: stripe.String(cus.ID)}); err != nil {
		t.Fatal(err)
	}
	for path, param := range map[string]string{"/v1/payment_methods/" + pm.ID: "billing_details[address]",
		"/v1/customers/" + cus.ID: "address", "/v1/customers/" + cus.ID + "?": "shipping"} {
		rec := do(t, e, "POST", strings.TrimSuffix(path, "?"), testKey, url.Values{param: {"1 Main St"}}.Encode(), nil)
		if got := errorBody(t, rec); rec.Code != http.StatusBadRequest || got.Message != "Invalid object" || got.Param != param || got.Code != "" {
			t.Errorf("%s=string: %d %+v", param, rec.Code, got)
		}
	}

	// A PaymentIntent in the wrong status: Stripe words a capture and a
	// second confirm their own way.
	pi, err := confirmPI(c, "pm_card_visa", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		do   func() error
		want string
	}{
		{func() error { _, err := c.V1PaymentIntents.Capture(ctx, pi.ID, nil); return err },
			"This PaymentIntent could not be captured because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be captured: requires_capture."},
		{func() error { _, err := c.V1PaymentIntents.Confirm(ctx, pi.ID, nil); return err },
			"You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed."},
		{func() error { _, err := c.V1PaymentIntents.Cancel(ctx, pi.ID, nil); return err },
			"You cannot cancel this PaymentIntent because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be canceled: " +
				"requires_payment_method, requires_capture, requires_confirmation, requires_action, processing."},
	} {
		if se := stripeErr(t, tc.do(), http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "payment_intent_unexpected_state"); se.Msg != tc.want {
			t.Errorf("got  %q\nwant %q", se.Msg, tc.want)
		}
	}

	returnURL := func(intent string) string {
		return "A `return_url` must be specified because this " + intent + " is configured to automatically accept the payment methods enabled in the Dashboard, " +
			"some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set " +
			"`automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents."
	}
	_, err = c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"),
		Confirm: stripe.Bool(true), PaymentMethod: stripe.String("pm_card_visa")})
	if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, ""); se.Msg != returnURL("Payment Intent") {
		t.Errorf("payment intent without return_url: %q", se.Msg)
	}
	_, err = c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Confirm: stripe.Bool(true), PaymentMethod: stripe.String("pm_card_visa")})
	if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, ""); se.Msg != returnURL("Setup Intent") {
		t.Errorf("setup intent without return_url: %q", se.Msg)
	}
}
