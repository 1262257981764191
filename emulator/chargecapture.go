package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// captureChargeParams are what Stripe's capture of a charge takes that
// the emulator keeps: Connect's application_fee(_amount), transfer_data
// and transfer_group are refused as unknown, as on POST /v1/charges.
var captureChargeParams = slices.Concat([]string{"amount", "expand["}, chargeExtraParams)

// captureCharge is POST /v1/charges/{charge}/capture: it captures an
// authorization made with capture=false (authorization.go), all of it or
// amount, the rest released; receipt_email and the statement descriptors
// given replace the charge's.
func captureCharge(c *call) (any, *model.Error) {
	ch, ok := c.objs.charge(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "charge", c.id(), "charge")
	}
	switch {
	case ch.Status == "failed":
		return nil, invalid("", "charge", "Charge "+ch.ID+" failed, so there is nothing to capture.")
	case !ch.Uncaptured:
		return nil, invalid("charge_already_captured", "", "Charge "+ch.ID+" has already been captured.")
	case ch.Expired:
		// Stripe's code; the words are its error codes' description of it.
		return nil, invalid("charge_expired_for_capture", "", "The charge cannot be captured as the authorization has expired. "+
			"Auth and capture charges must be captured within a set number of days (7 by default).")
	case ch.Money.AmountRefunded >= ch.Amount:
		// Released by a refund (before basil, by its PaymentIntent's
		// cancel too: older state dirs keep those).
		return nil, invalid("charge_already_refunded", "", "Charge "+ch.ID+" has already been refunded.")
	case ch.PaymentIntent != "":
		// Stripe's reference: "Don't use this method to capture a
		// PaymentIntent-initiated charge."
		return nil, invalid(codeUnexpectedState, "charge", "Charge "+ch.ID+" was created by PaymentIntent "+ch.PaymentIntent+
			": capture the PaymentIntent instead (POST /v1/payment_intents/"+ch.PaymentIntent+"/capture).")
	}
	amount, given, aerr := c.params.integer("amount")
	switch {
	case aerr != nil:
		return nil, aerr
	case !given:
		amount = ch.Amount
	case amount < 1:
		return nil, invalid("parameter_invalid_integer", "amount", "This value must be greater than or equal to 1.")
	case amount > ch.Amount:
		return nil, invalid("amount_too_large", "amount",
			"The payment could not be captured because the requested capture amount is greater than the amount you can capture for this charge.")
	}
	extras, aerr := readChargeExtras(c)
	if aerr != nil {
		return nil, aerr
	}
	ch.chargeExtras = ch.chargeExtras.override(extras)
	captureAuthorization(c, ch, amount)
	return renderCharge(ch), nil
}
