package emulator

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// An authorization not captured by its capture_before expires, as
// Stripe's do: "Uncaptured payments expire a set number of days after
// they are created (7 by default)" (Stripe's API reference, "Capture a
// charge"), and a capture then fails. Since 2025-03-31.basil an expiry
// is a payment cancellation like a PaymentIntent's cancel (release.go):
// no Refund, the charge's amount_refunded stays 0 and refunded false.
// Its event is charge.expired ("Occurs whenever an uncaptured charge
// expires"), and its PaymentIntent, waiting in requires_capture, is
// canceled with cancellation_reason expired, which "replaces the
// formerly used value of automatic" (Stripe's changelog, "Partially
// capturing or canceling payments no longer creates a Refund"). Time is
// the emulator's clock (Options.Now): a test moves it past the 7 days.
// As any change with time alone (settle.go), it is made by the first
// read past it (of the charge, of its PaymentIntent, a list of events,
// or the background settler) and dated at capture_before.

const (
	// causeExpiry marks the write of an expiry for the event table: it
	// changes nothing the API shows of the charge.
	causeExpiry = "expiry"
	// cancellationExpired is the cancellation_reason Stripe gives a
	// PaymentIntent canceled as its authorization expired.
	cancellationExpired = "expired"
)

// expiresAt is when ch, an authorization still held, expires (unix
// seconds); 0 never.
func (ch *chargeRec) expiresAt() int64 {
	if !ch.Uncaptured || ch.Expired || ch.released() || ch.CaptureBefore == 0 {
		return 0
	}
	return ch.CaptureBefore
}

// expire marks ch expired if it is by now, and returns when it expired
// (0: it did not); its write is the expiry's (expireAuthorization).
func (ch *chargeRec) expire(now time.Time) int64 {
	at := ch.expiresAt()
	if at == 0 || now.Unix() < at {
		return 0
	}
	ch.Expired, ch.expiring = true, true
	return at
}

// expireAuthorization writes ch as it expired, then cancels its
// PaymentIntent (read, it settles itself).
func (o *objects) expireAuthorization(ch *chargeRec) {
	ch.expiring = false
	o.origin.cause = causeExpiry
	o.putCharge(ch)
	o.origin.cause = ""
	pi, ok := o.paymentIntent(ch.PaymentIntent)
	if ok && pi.Status == model.PIRequiresCapture && pi.CaptureBefore == 0 {
		// Kept before PaymentIntents kept capture_before: it learns its
		// charge's, and settles as any.
		pi.CaptureBefore = ch.CaptureBefore
		pi.settle(o.origin.now)
		pi.write(o)
	}
}

// A PaymentIntent holding an authorization changes with time too: past
// its capture_before it is canceled. Its charge is settled first, so the
// events come as the charge's expiry makes them: charge.expired, then
// payment_intent.canceled.

func (pi *paymentIntentRec) settle(now time.Time) int64 {
	if pi.Status != model.PIRequiresCapture || pi.CaptureBefore == 0 || now.Unix() < pi.CaptureBefore {
		return 0
	}
	pi.Status, pi.CancellationReason, pi.AmountCapturable = model.PICanceled, cancellationExpired, 0
	return pi.CaptureBefore
}

func (pi *paymentIntentRec) write(o *objects) {
	o.charge(pi.LatestCharge) // expires it, which cancels pi in the store
	pi.CanceledAt = o.origin.now.Unix()
	o.putPaymentIntent(pi)
}

// settleAt is 0: the charge, listed to settle, expires its PaymentIntent.
func (pi *paymentIntentRec) settleAt() int64 { return 0 }
