package emulator

import (
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// A customer takes payment_method (attached to it), its default
// PaymentMethod for invoices, preferred_locales and shipping; the default
// must be one of its own, is unset by an empty value and by detaching it;
// a PaymentIntent with the customer and no payment_method does not fall
// back to it, as on Stripe.
func TestCustomerInvoiceDefaultAndExtras(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{
		PaymentMethod:    stripe.String("pm_card_visa"),
		InvoiceSettings:  &stripe.CustomerCreateInvoiceSettingsParams{DefaultPaymentMethod: stripe.String("pm_card_visa")},
		PreferredLocales: stripe.StringSlice([]string{"fr", "en"}),
		Shipping: &stripe.CustomerCreateShippingParams{Name: stripe.String("J"),
			Address: &stripe.AddressParams{Line1: stripe.String("1 Main"), City: stripe.String("Paris")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	def := cus.InvoiceSettings.DefaultPaymentMethod
	if def == nil || def.ID == "pm_card_visa" || len(cus.PreferredLocales) != 2 || cus.PreferredLocales[0] != "fr" ||
		cus.Shipping == nil || cus.Shipping.Address.City != "Paris" {
		t.Fatalf("%+v", cus)
	}
	pm, err := c.V1PaymentMethods.Retrieve(ctx, def.ID, nil)
	if err != nil || pm.Customer == nil || pm.Customer.ID != cus.ID {
		t.Fatalf("the default is not attached: %+v %v", pm, err)
	}
	other, _ := c.V1PaymentMethods.Attach(ctx, "pm_card_mastercard", &stripe.PaymentMethodAttachParams{Customer: stripe.String(cus.ID)})
	cus, err = c.V1Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{
		InvoiceSettings: &stripe.CustomerUpdateInvoiceSettingsParams{DefaultPaymentMethod: stripe.String(other.ID)}})
	if err != nil || cus.InvoiceSettings.DefaultPaymentMethod.ID != other.ID {
		t.Fatalf("update: %+v %v", cus, err)
	}
	loose, _ := c.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String("tok_visa")}})
	_, err = c.V1Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{
		InvoiceSettings: &stripe.CustomerUpdateInvoiceSettingsParams{DefaultPaymentMethod: stripe.String(loose.ID)}})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "invoice_settings[default_payment_method]" {
		t.Errorf("another's PaymentMethod: %+v", se)
	}
	// No fallback: the PaymentIntent still wants a payment method.
	pi, _ := c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(500), Currency: stripe.String("usd"),
		Customer: stripe.String(cus.ID), PaymentMethodTypes: stripe.StringSlice([]string{"card"})})
	_, err = c.V1PaymentIntents.Confirm(ctx, pi.ID, nil)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "parameter_missing")

	if _, err := c.V1PaymentMethods.Detach(ctx, other.ID, nil); err != nil {
		t.Fatal(err)
	}
	if cus, _ = c.V1Customers.Retrieve(ctx, cus.ID, nil); cus.InvoiceSettings.DefaultPaymentMethod != nil {
		t.Errorf("detached, still the default: %+v", cus.InvoiceSettings)
	}
	cus, err = c.V1Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{
		InvoiceSettings: &stripe.CustomerUpdateInvoiceSettingsParams{DefaultPaymentMethod: stripe.String(def.ID)}})
	if err != nil || cus.InvoiceSettings.DefaultPaymentMethod.ID != def.ID {
		t.Fatalf("back: %+v %v", cus, err)
	}
	p := &stripe.CustomerUpdateParams{}
	p.AddExtra("invoice_settings[default_payment_method]", "")
	p.AddExtra("shipping", "")
	if cus, err = c.V1Customers.Update(ctx, cus.ID, p); err != nil || cus.InvoiceSettings.DefaultPaymentMethod != nil || cus.Shipping != nil {
		t.Errorf("unset: %+v %v", cus, err)
	}
}

// customer.updated's previous_attributes show, within metadata and
// invoice_settings, only the keys that changed: one added as null, one
// removed or changed with its old value.
func TestPreviousAttributesOfHashes(t *testing.T) {
	e, _ := New(Options{Now: clock})
	id := answer(t, e, "POST", "/v1/customers", "name=a&metadata[keep]=1&metadata[gone]=2&metadata[edit]=3")["id"].(string)
	answer(t, e, "POST", "/v1/customers/"+id, "name=b&metadata[x]=1&metadata[gone]=&metadata[edit]=4")
	pm := answer(t, e, "POST", "/v1/payment_methods/pm_card_visa/attach", "customer="+id)["id"].(string)
	answer(t, e, "POST", "/v1/customers/"+id, "invoice_settings[default_payment_method]="+pm)
	evs := listed(t, e, "/v1/events?type=customer.updated")
	if len(evs) != 2 {
		t.Fatalf("customer.updated: %v", types(evs))
	}
	for i, want := range []map[string]string{
		{"invoice_settings": `{"default_payment_method":null}`},
		{"name": `"a"`, "metadata": `{"edit":"3","gone":"2","x":null}`},
	} {
		prev := evs[i].Data.PreviousAttributes
		if len(prev) != len(want) {
			t.Errorf("event %d: previous_attributes %s, want %v", i, prev, want)
		}
		for k, v := range want {
			if string(prev[k]) != v {
				t.Errorf("event %d: previous_attributes[%s] = %s, want %s", i, k, prev[k], v)
			}
		}
	}
}
