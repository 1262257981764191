package emulator

import "github.com/tokenscope/tokenscope/model"

// Stripe's reuse rules for PaymentMethods, the PaymentMethod side of a
// token's single use: one attached to no customer pays once (the
// PaymentIntent that confirms it spends it), one detached from its
// customer is spent, and a spent one is never used nor attached again.
// One attached to a customer pays for that customer only.

// Stripe's messages (invalid_request_error, no code) for a spent
// PaymentMethod used with a PaymentIntent, and attached again.
const (
	msgPMSpentUse = "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, " +
		"shared with a connected account without Customer attachment, or was detached from a Customer. " +
		"It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first."
	msgPMSpentAttach = "This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again."
)

// checkUsable refuses pm for pi: spent, or attached to another customer
// than pi's.
func checkUsable(pm *paymentMethodRec, pi *paymentIntentRec) *model.Error {
	return checkUsableBy(pm, pi.ID, pi.Customer)
}

// checkUsableBy refuses pm for the intent id (a PaymentIntent or a
// SetupIntent) of customer: spent by another, or attached to another
// customer.
func checkUsableBy(pm *paymentMethodRec, id, customer string) *model.Error {
	switch {
	case pm.SpentBy != "" && pm.SpentBy != id:
		return invalid("", "payment_method", msgPMSpentUse)
	case pm.Customer != "" && customer == "":
		return invalid("", "payment_method", "The provided PaymentMethod belongs to customer "+pm.Customer+
			"; pass customer="+pm.Customer+" to use it.")
	case pm.Customer != "" && pm.Customer != customer:
		return invalid("", "payment_method", "The customer does not have a payment method with the ID "+pm.ID+
			". The payment method must be attached to the customer.")
	}
	return nil
}

// spendIfLoose records that pi used pm while it belonged to no customer:
// it may not be used again. One a PaymentIntent saves for its customer
// (setup_future_usage) is not spent: the payment attaches it
// (saveForCustomer).
func spendIfLoose(c *call, pm *paymentMethodRec, pi *paymentIntentRec) {
	if pm.Customer == "" && pm.SpentBy == "" && !savesFor(pi) {
		pm.SpentBy = pi.ID
		c.objs.putPaymentMethod(pm)
	}
}

// spentByDetach is what SpentBy holds for a PaymentMethod detached from
// its customer.
const spentByDetach = "detached"

// savesFor: pi, with a customer and setup_future_usage, attaches the
// PaymentMethod it pays with to its customer, as Stripe does.
func savesFor(pi *paymentIntentRec) bool { return pi.SetupFutureUsage != "" && pi.Customer != "" }

// saveForCustomer attaches pm to pi's customer once pi has paid with it,
// when pi saves it (setup_future_usage): Stripe's way to keep a card for
// later payments. The card is then set up for that usage, as a
// SetupIntent sets it up (setupintents.go). A customer's card
// (cardsources.go) is the customer's already.
func saveForCustomer(c *call, pm *paymentMethodRec, pi *paymentIntentRec) {
	if savesFor(pi) && !isCardID(pm.ID) && (pm.Customer == "" || pm.Customer == pi.Customer) && pm.SpentBy == "" {
		pm.Customer, pm.SetUpFor = pi.Customer, pi.SetupFutureUsage
		c.objs.putPaymentMethod(pm)
	}
}
