package emulator

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// An authorization is a card charge that holds the money without taking
// it, as Stripe's are: a charge made with capture=false, or a
// manual-capture PaymentIntent's. It has succeeded and is paid, but it is
// not captured: no balance transaction, amount_captured 0, and
// payment_method_details.card.capture_before says until when it can be
// captured. A capture (chargecapture.go, or the PaymentIntent's) takes
// all or part of it; what it leaves is not captured, and no refund says
// so (release.go).

// authorizationDays is how long an authorization holds: Stripe's default
// for online card payments ("7 by default").
const authorizationDays = 7

// readCapture reads the charge's capture parameter: true unless
// capture=false.
func readCapture(c *call) (bool, *model.Error) {
	if !c.params.Has("capture") {
		return true, nil
	}
	return c.params.boolean("capture")
}

// achNotAuthorizable refuses capture=false on a bank debit: Stripe's ACH
// debits are captured when made ("With payment methods that don't support
// this functionality, like ACH or iDEAL, you can't capture manually").
func achNotAuthorizable() *model.Error {
	return invalid("", "capture", "A bank account (ACH) debit cannot be authorized and captured later: it is captured when it is made. Leave out capture=false.")
}

// holdAuthorization makes ch, a card charge that succeeded at now, an
// authorization. A dispute test card's dispute waits for the capture:
// no money moved that a cardholder could dispute.
func holdAuthorization(ch *chargeRec, now time.Time) {
	ch.Uncaptured, ch.BalanceTx, ch.disputeReason = true, "", ""
	ch.CaptureBefore = now.AddDate(0, 0, authorizationDays).Unix()
}

// captureAuthorization captures amount of ch, an authorization (of a
// PaymentIntent or of the Charges API): the charge is captured, with the
// balance transaction of what it took (putCharge prices it as any
// charge's) and a dispute test card's dispute; the rest is released with
// no refund (release.go).
func captureAuthorization(c *call, ch *chargeRec, amount int64) {
	ch.Uncaptured, ch.AmountCaptured, ch.CapturedAt = false, amount, c.now.Unix()
	ch.BalanceTx = newID("txn_", longID)
	if preset, ok := model.CardByName(ch.Card.Preset); ok {
		ch.disputeReason = preset.Outcome.Dispute
	}
	c.objs.putCharge(ch)
}
