package emulator

// releaseAuthorization gives back what a manual-capture PaymentIntent
// being canceled had authorized: Stripe's docs (Cancel a PaymentIntent)
// say "for PaymentIntents with a status of requires_capture, the remaining
// amount_capturable is automatically refunded". The uncaptured charge
// gets a refund of it (no balance transaction: no funds had moved), so it
// reads refunded, amount_refunded its amount, captured false; the writes
// make refund.created and charge.refunded.
func releaseAuthorization(c *call, pi *paymentIntentRec) {
	ch, ok := c.objs.charge(pi.LatestCharge)
	if !ok || !ch.Uncaptured {
		return
	}
	amount := ch.Amount - ch.Money.AmountRefunded
	if amount <= 0 {
		return
	}
	re := &refundRec{
		ID: newID("re_", longID), Created: c.now.Unix(), Amount: amount, Currency: ch.Currency,
		Charge: ch.ID, PaymentIntent: pi.ID,
	}
	ch.Money.AmountRefunded += amount
	ch.Money.Refunds = append(ch.Money.Refunds, re.ID)
	c.objs.putRefund(re)
	c.objs.putCharge(ch)
}
