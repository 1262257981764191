package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// customerExtras are what a customer keeps beyond its contact details:
// its default PaymentMethod for invoices, its preferred locales and its
// shipping. The default PaymentMethod is used by invoices and
// subscriptions only: a PaymentIntent confirmed without a
// payment_method does not fall back to it, on Stripe as here.
type customerExtras struct {
	DefaultPM        string       `json:"default_payment_method,omitempty"`
	PreferredLocales []string     `json:"preferred_locales,omitempty"`
	Shipping         *shippingRec `json:"shipping,omitempty"`
}

const paramDefaultPM = "invoice_settings[default_payment_method]"

// customerExtraParams are what a create takes, customerUpdateExtraParams
// what an update takes (shipping= unsets the shipping).
var (
	customerExtraParams       = slices.Concat([]string{"payment_method", paramDefaultPM, "preferred_locales["}, shippingParams(false))
	customerUpdateExtraParams = slices.Concat([]string{paramDefaultPM, "preferred_locales[", "shipping"}, shippingParams(false))
)

// readCustomerExtras reads them into cus; on create, payment_method is
// the PaymentMethod to attach to it, returned to be stored once cus is
// (nil for none).
func readCustomerExtras(c *call, cus *customerRec) (*paymentMethodRec, *model.Error) {
	if c.params.Has("shipping") {
		if c.params.get("shipping") != "" {
			return nil, invalidObject("shipping")
		}
		cus.Shipping = nil
	}
	shipping, aerr := readShipping(c.params)
	if aerr != nil {
		return nil, aerr
	}
	cus.Shipping = cmpOrPtr(shipping, cus.Shipping)
	if c.params.has("preferred_locales[") {
		cus.PreferredLocales = arrayParam(c.params, "preferred_locales")
	}
	var pm *paymentMethodRec
	if id := c.params.get("payment_method"); id != "" {
		if pm, aerr = usePaymentMethod(c, id, "payment_method"); aerr != nil {
			return nil, aerr
		}
		if aerr := attachTo(pm, cus.ID); aerr != nil {
			return nil, aerr
		}
	}
	if !c.params.Has(paramDefaultPM) {
		return pm, nil
	}
	switch id := c.params.get(paramDefaultPM); {
	case id == "":
		cus.DefaultPM = ""
	case pm != nil && id == c.params.get("payment_method"):
		cus.DefaultPM = pm.ID // the one just attached, a test PaymentMethod's copy too
	default:
		found, ok := c.objs.paymentMethod(id)
		switch {
		case !ok:
			return nil, noSuch(http.StatusBadRequest, "PaymentMethod", id, paramDefaultPM)
		case found.Customer != cus.ID:
			// Stripe's words, as integrations quote them from live
			// answers naming their own pm_ ids.
			return nil, invalid("", paramDefaultPM, "The customer does not have a payment method with the ID "+id+
				". The payment method must be attached to the customer.")
		}
		cus.DefaultPM = id
	}
	return pm, nil
}

func cmpOrPtr[T any](a, b *T) *T {
	if a != nil {
		return a
	}
	return b
}

// show puts them on the customer's JSON.
func (x customerExtras) show(out *customerJSON) {
	out.InvoiceSettings.DefaultPaymentMethod = opt(x.DefaultPM)
	out.PreferredLocales = append([]string{}, x.PreferredLocales...)
	out.Shipping = x.Shipping.render()
}

// dropDefaultPM clears the customer's default PaymentMethod when it is
// pm, which was detached from it, as Stripe does.
func dropDefaultPM(c *call, cusID, pmID string) {
	if cus, ok := c.objs.customer(cusID); ok && cus.DefaultPM == pmID {
		cus.DefaultPM = ""
		c.objs.putCustomer(cus)
	}
}
