package emulator

import "time"

// release gives back amount of ch's authorization that will never be
// captured, as Stripe does: the rest left by a partial capture, or all
// of it when a requires_capture PaymentIntent is canceled (Stripe's docs:
// "the remaining amount_capturable is automatically refunded"). It is a
// refund of its own with no balance transaction (no funds had moved), so
// amount_refunded counts it and later refunds are bounded by what was
// captured. It runs once ch is stored as it became (captured or not),
// so the events come in causal order: charge.captured, then
// refund.created and charge.refunded.
func release(c *call, ch *chargeRec, piID string, amount int64) {
	if amount <= 0 {
		return
	}
	c.objs.putRefund(newRelease(c.now, ch, piID, amount))
	c.objs.putCharge(ch)
}

// newRelease is the refund that releases amount of ch's authorization,
// counted on ch: what release stores, and what a refund of an uncaptured
// charge makes (Stripe: "If you need to cancel an authorization, you can
// release it by refunding the relevant Charge object").
func newRelease(now time.Time, ch *chargeRec, piID string, amount int64) *refundRec {
	re := &refundRec{
		ID: newID("re_", longID), Created: now.Unix(), Amount: amount, Currency: ch.Currency,
		Charge: ch.ID, PaymentIntent: piID, Destination: destReversal,
	}
	ch.Money.AmountRefunded += amount
	ch.Money.Refunds = append(ch.Money.Refunds, re.ID)
	return re
}
