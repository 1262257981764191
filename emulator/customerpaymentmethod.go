package emulator

import (
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

// getCustomerPaymentMethod is GET
// /v1/customers/{customer}/payment_methods/{payment_method} (stripe-node
// customers.retrievePaymentMethod): one of the customer's PaymentMethods,
// or one of its cards as its PaymentMethods list shows it (cardsources.go).
// One attached to no customer or to another is not the customer's: "No
// such PaymentMethod", as for an id that names none.
func getCustomerPaymentMethod(c *call) (any, *model.Error) {
	cus, ok := c.objs.customer(c.ids[0])
	if !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.ids[0], "customer")
	}
	pm, ok := c.objs.paymentMethod(c.id())
	if isCardID(c.id()) {
		pm, ok = cus.cardMethod(c.id())
	}
	if !ok || pm.Customer != cus.ID {
		return nil, noSuch(http.StatusNotFound, "PaymentMethod", c.id(), "payment_method")
	}
	return renderPaymentMethod(pm), nil
}
