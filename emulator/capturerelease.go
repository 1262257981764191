package emulator

// releaseUncaptured refunds what a partial capture left of ch, as Stripe
// does: the rest of the authorization is released as a refund of its own,
// so the charge's amount_refunded is amount - amount_captured and later
// refunds are bounded by what was captured. The released money never
// reached the balance: the refund has no balance transaction. It runs
// once ch is stored as captured, so the events come in causal order:
// charge.captured, refund.created, charge.refunded.
func releaseUncaptured(c *call, ch *chargeRec, piID string) {
	rest := ch.Amount - ch.AmountCaptured
	if ch.AmountCaptured == 0 || rest <= 0 {
		return
	}
	re := &refundRec{
		ID: newID("re_", longID), Created: c.now.Unix(), Amount: rest, Currency: ch.Currency,
		Charge: ch.ID, PaymentIntent: piID,
	}
	ch.Money.AmountRefunded += rest
	ch.Money.Refunds = append(ch.Money.Refunds, re.ID)
	c.objs.putRefund(re)
	c.objs.putCharge(ch)
}
