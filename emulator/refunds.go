package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

var refundParams = append([]string{"charge", "payment_intent", "amount", "reason", "expand["}, metadataParams...)

// refundReasons are the reasons Stripe takes for a refund.
var refundReasons = map[string]bool{"duplicate": true, "fraudulent": true, "requested_by_customer": true}

// createRefund is POST /v1/refunds with charge=ch_ or payment_intent=pi_
// (its latest charge), refunding amount or all that remains. The charge's
// amount_refunded and refunded follow. A refund of an uncaptured charge
// releases its authorization, all of it.
func createRefund(c *call) (any, *model.Error) {
	chID, piID := c.params.get("charge"), c.params.get("payment_intent")
	switch {
	case chID == "" && piID == "":
		return nil, invalid("parameter_missing", "charge", "One of the following params should be provided for this request: charge or payment_intent.")
	case chID != "" && piID != "":
		return nil, invalid("", "payment_intent", "You cannot specify both charge and payment_intent; the refund is of one of them.")
	}
	md, aerr := readMetadata(c.params, nil)
	if aerr != nil {
		return nil, aerr
	}
	reason := c.params.get("reason")
	if reason != "" && !refundReasons[reason] {
		return nil, invalid("", "reason", "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer")
	}
	if piID != "" {
		var aerr *model.Error
		if chID, aerr = latestCharge(c, piID); aerr != nil {
			return nil, aerr
		}
	}
	ch, ok := c.objs.charge(chID)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "charge", chID, "charge")
	}
	m := &ch.Money
	remains := ch.refundable() - m.AmountRefunded
	switch {
	case ch.Status == "failed":
		return nil, invalid("", "charge", "Charge "+ch.ID+" failed, so there is nothing to refund.")
	case ch.Status == "pending":
		return nil, invalid("", "charge", "Charge "+ch.ID+" is still pending; it can be refunded once it has succeeded.")
	case chargedBack(c.objs, ch):
		return nil, invalid("charge_disputed", "charge", "Charge "+ch.ID+" has been charged back; cannot issue a refund.")
	case remains <= 0:
		return nil, invalid("charge_already_refunded", "charge", "Charge "+ch.ID+" has already been refunded.")
	case ch.Uncaptured && ch.PaymentIntent != "" && (ch.Released || ch.Expired):
		// Its PaymentIntent's cancel (or expiry) released it, with no
		// refund since basil (release.go): telling the caller to cancel
		// the PaymentIntent, as for one held, would send them in a
		// circle (regress2#4). Stripe's code for a refund of a
		// PaymentIntent's uncaptured charge; the words are the
		// emulator's, as no Stripe text for this case was found (a 2019
		// report, woocommerce-gateway-stripe#1081, shows the held text).
		return nil, invalid(codeUnexpectedState, "payment_intent", "Charge "+ch.ID+" was not captured and its PaymentIntent "+
			ch.PaymentIntent+" was canceled"+expiredWhy(ch)+": its authorization was released, so there is nothing to refund.")
	case ch.Uncaptured && ch.PaymentIntent != "":
		// A PaymentIntent's authorization still held is never refunded
		// (a refund would leave it capturable): Stripe's message.
		return nil, invalid(codeUnexpectedState, "payment_intent", "This uncaptured Charge was created by a PaymentIntent ("+ch.PaymentIntent+
			"). You must cancel the PaymentIntent to reverse the authorization instead of refunding the Charge directly.")
	case ch.Uncaptured && ch.Expired:
		// Since basil an expiry refunds nothing, and leaves nothing to
		// release (authorizationexpiry.go). The words are the emulator's.
		return nil, invalid("", "charge", "Charge "+ch.ID+" expired uncaptured: its authorization was released, so there is nothing to refund.")
	}
	amount, given, aerr := c.params.integer("amount")
	switch {
	case aerr != nil:
		return nil, aerr
	case !given:
		amount = remains
	case amount < 1:
		return nil, invalid("parameter_invalid_integer", "amount", "This value must be greater than or equal to 1.")
	case amount > remains && remains == ch.Amount:
		return nil, invalid("amount_too_large", "amount", fmt.Sprintf("Refund amount (%s) is greater than charge amount (%s)",
			model.MoneyText(amount, ch.Currency), model.MoneyText(ch.Amount, ch.Currency)))
	case amount > remains:
		return nil, invalid("amount_too_large", "amount", fmt.Sprintf("Refund amount (%s) is greater than unrefunded amount on charge (%s)",
			model.MoneyText(amount, ch.Currency), model.MoneyText(remains, ch.Currency)))
	}
	var re *refundRec
	switch {
	case ch.Uncaptured && amount < remains:
		return nil, invalid("", "amount", "You cannot partially refund an uncaptured charge. Instead, capture the charge for an amount less than the original amount")
	case ch.Uncaptured:
		// An authorization of the Charges API is released by a refund
		// of all of it, which moves no money (release.go).
		re = newRelease(c.now, ch, piID, amount)
		re.Reason = reason
	default:
		re = newRefund(ch, amount, piID, reason, c.now)
	}
	re.Metadata = md
	c.objs.putRefund(re)
	c.objs.putCharge(ch)
	resolveInquiry(c.objs, ch)
	return renderRefund(re), nil
}

// expiredWhy is why a PaymentIntent was canceled when its authorization
// expired, "" when it was canceled by hand.
func expiredWhy(ch *chargeRec) string {
	if ch.Expired {
		return " as its authorization expired"
	}
	return ""
}

// latestCharge is the charge a PaymentIntent's refund refunds: its
// latest_charge, read from the stored PaymentIntent by that one field.
func latestCharge(c *call, piID string) (string, *model.Error) {
	var pi struct {
		LatestCharge string `json:"latest_charge"`
	}
	// PaymentIntents are kept in "payment_intents", as the API names them.
	raw, ok, err := c.objs.r.Get("payment_intents", piID)
	switch {
	case err != nil:
		c.objs.fail(err)
		return "", apiFault(err)
	case !ok:
		return "", noSuch(http.StatusBadRequest, "payment_intent", piID, "payment_intent")
	}
	if err := json.Unmarshal(raw, &pi); err != nil || pi.LatestCharge == "" {
		return "", invalid("", "payment_intent", "PaymentIntent "+piID+" has no successful charge to refund.")
	}
	return pi.LatestCharge, nil
}

var refundListParams = append([]string{"charge", "payment_intent"}, append(createdParams, pageParams...)...)

// listRefunds is GET /v1/refunds, newest first, filtered by charge,
// payment_intent and created.
func listRefunds(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	charge, pi := c.params.get("charge"), c.params.get("payment_intent")
	keep := func(re *refundRec) bool {
		return cr.holds(re.Created) && (charge == "" || re.Charge == charge) && (pi == "" || re.PaymentIntent == pi)
	}
	return collectionLister(c, refundsColl, "/v1/refunds", "refund", keep, renderListedRefund).page(pg)
}

func renderListedRefund(re *refundRec) any { return renderRefund(re) }

// getRefund is GET /v1/refunds/{id}.
func getRefund(c *call) (any, *model.Error) {
	re, ok := c.objs.refund(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "refund", c.id(), "id")
	}
	return renderRefund(re), nil
}

// chargeRefunds is a charge's refunds as the list its refunds field
// expands to, newest first.
func chargeRefunds(o *objects, ch *chargeRec) *listJSON {
	list := &listJSON{Object: "list", Data: []any{}, URL: "/v1/charges/" + ch.ID + "/refunds"}
	for i := len(ch.Money.Refunds) - 1; i >= 0; i-- {
		if re, ok := o.refund(ch.Money.Refunds[i]); ok {
			list.Data = append(list.Data, renderRefund(re))
		}
	}
	return list
}

type refundJSON struct {
	ID                     string                 `json:"id"`
	Object                 string                 `json:"object"`
	Amount                 int64                  `json:"amount"`
	BalanceTransaction     *string                `json:"balance_transaction"`
	Charge                 *string                `json:"charge"`
	Created                int64                  `json:"created"`
	Currency               string                 `json:"currency"`
	FailureBalanceTx       string                 `json:"failure_balance_transaction,omitempty"`
	FailureReason          string                 `json:"failure_reason,omitempty"`
	Metadata               metadata               `json:"metadata"`
	PaymentIntent          *string                `json:"payment_intent"`
	DestinationDetails     *refundDestinationJSON `json:"destination_details,omitempty"`
	PendingReason          string                 `json:"pending_reason,omitempty"`
	Reason                 *string                `json:"reason"`
	ReceiptNumber          *string                `json:"receipt_number"`
	SourceTransferReversal *string                `json:"source_transfer_reversal"`
	Status                 string                 `json:"status"`
	TransferReversal       *string                `json:"transfer_reversal"`
}

// renderRefund is a refund as its test card has it stand (refundsettle.go):
// most succeed at once, as Stripe's test mode refunds to test cards do.
func renderRefund(re *refundRec) *refundJSON {
	out := &refundJSON{
		ID: re.ID, Object: "refund", Amount: re.Amount, BalanceTransaction: opt(re.BalanceTx),
		Charge: opt(re.Charge), Created: re.Created, Currency: re.Currency,
		Metadata: re.Metadata, PaymentIntent: opt(re.PaymentIntent), Reason: opt(re.Reason),
		Status: re.status(), FailureReason: re.FailureReason, DestinationDetails: re.destinationDetails(),
	}
	switch out.Status {
	case "pending":
		out.PendingReason = "processing"
	case "failed":
		out.FailureBalanceTx = re.FailureTx
	}
	return out
}
