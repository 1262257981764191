package emulator

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// An authorization not captured by its capture_before expires, as
// Stripe's do: "Uncaptured payments expire a set number of days after
// they are created (7 by default), after which they are marked as
// refunded and capture attempts will fail" (Stripe's API reference,
// "Capture a charge"). What is left of it is released by a refund with
// reason expired_uncaptured_charge, its event is charge.expired ("Occurs
// whenever an uncaptured charge expires", not charge.refunded), and its
// PaymentIntent, waiting in requires_capture, is canceled with
// cancellation_reason automatic, as a live expired authorization shows
// them (the charge, refund and PaymentIntent quoted whole in Elastic
// Path's payments docs). Time is the emulator's clock (Options.Now): a
// test moves it past the 7 days. As any change with time alone
// (settle.go), it is made by the first read past it (of the charge, of
// its PaymentIntent, a list of events, or the background settler) and
// dated at capture_before.

const (
	// causeExpiry marks the writes of an expiry for the event table.
	causeExpiry = "expiry"
	// refundReasonExpired is Stripe's reason for the refund that
	// releases an expired authorization.
	refundReasonExpired = "expired_uncaptured_charge"
	// cancellationAutomatic is the cancellation_reason Stripe gives a
	// PaymentIntent it canceled itself.
	cancellationAutomatic = "automatic"
)

// expiresAt is when ch, an authorization with something left to
// release, expires (unix seconds); 0 never.
func (ch *chargeRec) expiresAt() int64 {
	if !ch.Uncaptured || ch.Expired || ch.CaptureBefore == 0 || ch.Money.AmountRefunded >= ch.Amount {
		return 0
	}
	return ch.CaptureBefore
}

// expire marks ch expired if it is by now, and returns when it expired
// (0: it did not); its write releases it (expireAuthorization).
func (ch *chargeRec) expire(now time.Time) int64 {
	at := ch.expiresAt()
	if at == 0 || now.Unix() < at {
		return 0
	}
	ch.Expired = true
	return at
}

// expireAuthorization writes ch as it expired: the rest of it released,
// then its PaymentIntent canceled (read, it settles itself).
func (o *objects) expireAuthorization(ch *chargeRec) {
	re := newRelease(o.origin.now, ch, ch.PaymentIntent, ch.Amount-ch.Money.AmountRefunded)
	re.Reason = refundReasonExpired
	o.origin.cause = causeExpiry
	o.putRefund(re)
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
// events come as the charge's expiry makes them: refund.created,
// charge.expired, then payment_intent.canceled.

func (pi *paymentIntentRec) settle(now time.Time) int64 {
	if pi.Status != model.PIRequiresCapture || pi.CaptureBefore == 0 || now.Unix() < pi.CaptureBefore {
		return 0
	}
	pi.Status, pi.CancellationReason, pi.AmountCapturable = model.PICanceled, cancellationAutomatic, 0
	return pi.CaptureBefore
}

func (pi *paymentIntentRec) write(o *objects) {
	o.charge(pi.LatestCharge) // expires it, which cancels pi in the store
	pi.CanceledAt = o.origin.now.Unix()
	o.putPaymentIntent(pi)
}

// settleAt is 0: the charge, listed to settle, expires its PaymentIntent.
func (pi *paymentIntentRec) settleAt() int64 { return 0 }
