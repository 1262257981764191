package emulator

import "time"

// Since API version 2025-03-31.basil (the emulator answers in dahlia, a
// later one, whatever version a request pins), Stripe makes no Refund
// when an authorization is released without being asked to: a partial
// capture takes what it names and the rest is simply not captured
// (amount_captured says how much was), and canceling a requires_capture
// PaymentIntent, by hand or as its authorization expires
// (authorizationexpiry.go), leaves its charge uncaptured, amount_refunded
// 0 and refunded false, with no refund.created or charge.refunded
// ("Partially capturing or canceling payments no longer creates a
// Refund", Stripe's changelog). A refund asked for of an uncaptured
// charge of the Charges API still is one: newRelease.

// releaseByCancel marks the authorization chID, held by a PaymentIntent
// being canceled, released, so that it never expires. Nothing of the
// charge as the API shows it changes, so no event says so but the
// PaymentIntent's payment_intent.canceled.
func releaseByCancel(o *objects, chID string) {
	if ch, ok := o.charge(chID); ok && ch.Uncaptured {
		ch.Released = true
		o.putCharge(ch)
	}
}

// released reports whether ch's authorization was let go: by its
// PaymentIntent's cancel, or by a refund (of the Charges API; before
// basil, a cancel's or an expiry's too, as older state dirs keep them).
func (ch *chargeRec) released() bool {
	return ch.Released || ch.Money.AmountRefunded >= ch.Amount
}

// newRelease is the refund that releases amount of ch's authorization,
// counted on ch: what a refund of an uncaptured charge makes (Stripe:
// "If you need to cancel an authorization, you can release it by
// refunding the relevant Charge object"). It has no balance transaction:
// no funds had moved.
func newRelease(now time.Time, ch *chargeRec, piID string, amount int64) *refundRec {
	re := &refundRec{
		ID: newID("re_", longID), Created: now.Unix(), Amount: amount, Currency: ch.Currency,
		Charge: ch.ID, PaymentIntent: piID, Destination: destReversal,
	}
	ch.Money.AmountRefunded += amount
	ch.Money.Refunds = append(ch.Money.Refunds, re.ID)
	return re
}
