package emulator

import (
	"net/http"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

var paymentIntentUpdateParams = slices.Concat([]string{"amount", "currency", "payment_method", "customer", "description",
	"capture_method", "setup_future_usage", "expand["}, metadataParams, piUpdateExtraParams)

// piPaymentParams are the parameters that change the payment itself,
// which Stripe takes only before it is confirmed (piUpdatable); the
// description and metadata it takes in any status.
var piPaymentParams = []string{"amount", "currency", "payment_method", "customer", "capture_method", "setup_future_usage"}

var piUpdatable = []string{model.PIRequiresPaymentMethod, model.PIRequiresConfirmation, model.PIRequiresAction}

// updatePaymentIntent is POST /v1/payment_intents/{id}. A change to the
// payment of one waiting for 3D Secure drops the challenge: it must be
// confirmed again, as on Stripe.
func updatePaymentIntent(c *call) (any, *model.Error) {
	pi, ok := c.objs.paymentIntent(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "payment_intent", c.id(), "intent")
	}
	changes, aerr := intentChanges(c, codeUnexpectedState, "PaymentIntent", pi.Status, piUpdatable, piPaymentParams)
	if aerr != nil {
		return nil, aerr
	}
	if c.params.Has("description") {
		pi.Description = c.params.get("description")
	}
	if aerr := readPIChargeExtras(c, pi); aerr != nil {
		return nil, aerr
	}
	if pi.Metadata, aerr = readMetadata(c.params, pi.Metadata); aerr != nil {
		return nil, aerr
	}
	if changes {
		if aerr := updatePayment(c, pi); aerr != nil {
			return nil, aerr
		}
		if pi.Status == model.PIRequiresAction {
			pi.Status, pi.NextAction, pi.ChallengeURL = model.PIRequiresConfirmation, "", ""
		}
	}
	c.objs.putPaymentIntent(pi)
	return renderPaymentIntent(pi), nil
}

// updatePayment applies the payment parameters to pi, checked as create
// checks them.
func updatePayment(c *call, pi *paymentIntentRec) *model.Error {
	if amount, ok, aerr := c.params.integer("amount"); aerr != nil {
		return aerr
	} else if ok {
		pi.Amount = amount
	}
	if c.params.Has("currency") {
		pi.Currency = strings.ToLower(c.params.get("currency"))
		if aerr := checkCurrency(pi.Currency); aerr != nil {
			return aerr
		}
	}
	if aerr := fieldError(model.ValidateAmount(pi.Amount, pi.Currency)); aerr != nil {
		return aerr
	}
	if aerr := readChoice(c, "capture_method", &pi.CaptureMethod, captureMethods...); aerr != nil {
		return aerr
	}
	if aerr := readChoice(c, "setup_future_usage", &pi.SetupFutureUsage, sessionUsages...); aerr != nil {
		return aerr
	}
	if aerr := readCustomer(c, &pi.Customer); aerr != nil {
		return aerr
	}
	if id := c.params.get("payment_method"); id != "" {
		return setPaymentMethod(c, pi, id)
	}
	return nil
}
