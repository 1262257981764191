package emulator

import (
	"slices"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// stripe-go's PaymentMethods.Update and Refunds.Update: a customer's
// PaymentMethod takes billing details, a new expiry and metadata (its
// payment_method.updated event names the old values); one attached to
// no customer is refused as Stripe refuses it; a refund takes metadata.
func TestUpdatePaymentMethodAndRefund(t *testing.T) {
	e, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus, _ := c.V1Customers.Create(ctx, nil)
	pm, err := c.V1PaymentMethods.Attach(ctx, "pm_card_visa", &stripe.PaymentMethodAttachParams{Customer: stripe.String(cus.ID)})
	if err != nil {
		t.Fatal(err)
	}
	pm, err = c.V1PaymentMethods.Update(ctx, pm.ID, &stripe.PaymentMethodUpdateParams{
		BillingDetails: &stripe.PaymentMethodUpdateBillingDetailsParams{Name: stripe.String("Jo"), Email: stripe.String("jo@example.com"),
			Address: &stripe.AddressParams{PostalCode: stripe.String("94107")}},
		Card:     &stripe.PaymentMethodUpdateCardParams{ExpMonth: stripe.Int64(3), ExpYear: stripe.Int64(2033)},
		Metadata: map[string]string{"k": "v"},
	})
	if err != nil || pm.BillingDetails.Name != "Jo" || pm.BillingDetails.Email != "jo@example.com" ||
		pm.BillingDetails.Address.PostalCode != "94107" || pm.Card.ExpMonth != 3 || pm.Card.ExpYear != 2033 || pm.Metadata["k"] != "v" {
		t.Fatalf("%+v %v", pm, err)
	}
	if got, _ := c.V1PaymentMethods.Retrieve(ctx, pm.ID, nil); got.Card.ExpYear != 2033 || got.BillingDetails.Name != "Jo" {
		t.Errorf("not kept: %+v", got)
	}
	evs := listed(t, e, "/v1/events?type=payment_method.updated")
	if len(evs) != 1 || string(evs[0].Data.PreviousAttributes["metadata"]) != `{"k":null}` {
		t.Errorf("payment_method.updated: %v %v", types(evs), evs)
	}
	_, err = c.V1PaymentMethods.Update(ctx, pm.ID, &stripe.PaymentMethodUpdateParams{
		Card: &stripe.PaymentMethodUpdateCardParams{ExpMonth: stripe.Int64(13)}})
	if se := stripeErr(t, err, 402, stripe.ErrorTypeCard, "invalid_expiry_month"); se.Param != "card[exp_month]" {
		t.Errorf("exp_month 13: %+v", se)
	}
	loose, _ := c.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String("tok_visa")}})
	_, err = c.V1PaymentMethods.Update(ctx, loose.ID, &stripe.PaymentMethodUpdateParams{Metadata: map[string]string{"k": "v"}})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")

	ch, _ := c.V1Charges.Create(ctx, chargeWith("tok_visa"))
	re, _ := c.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
	re, err = c.V1Refunds.Update(ctx, re.ID, &stripe.RefundUpdateParams{Metadata: map[string]string{"order": "42"}})
	if err != nil || re.Metadata["order"] != "42" {
		t.Fatalf("refund update: %+v %v", re, err)
	}
	if got := types(listed(t, e, "/v1/events?type=refund.updated")); !slices.Equal(got, []string{"refund.updated"}) {
		t.Errorf("refund.updated events: %v", got)
	}
	_, err = c.V1Refunds.Update(ctx, "re_nope", &stripe.RefundUpdateParams{Metadata: map[string]string{"a": "b"}})
	stripeErr(t, err, 404, stripe.ErrorTypeInvalidRequest, "resource_missing")
}
