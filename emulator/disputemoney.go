package emulator

// The money a dispute moves, as Stripe moves it (its disputes docs): a
// chargeback takes the disputed amount and a dispute fee from the balance
// as it opens (a balance transaction of type adjustment, reporting
// category dispute, charge.dispute.funds_withdrawn), and a won one gives
// both back (dispute_reversal, charge.dispute.funds_reinstated). An
// inquiry (warning_*) is no chargeback: it moves no money, and its charge
// can still be refunded; a refund in full resolves it.

// disputeFee is Stripe's dispute fee for US accounts, $15.00, in the
// currency's smallest unit.
const disputeFee = 1500

// Reporting categories of a dispute's balance transactions.
const (
	categoryDispute         = "dispute"
	categoryDisputeReversal = "dispute_reversal"
)

// withdrawalTx is the balance transaction a chargeback opens with.
func (d *disputeRec) withdrawalTx() *balanceTxRec {
	return &balanceTxRec{ID: d.Withdrawal, Type: "adjustment", Category: categoryDispute, Source: d.ID,
		Amount: -d.Amount, Fee: disputeFee, Currency: d.Currency, Created: d.Created,
		Description: "Chargeback withdrawal for " + d.Charge}
}

// reinstatementTx is the balance transaction of a won chargeback: the
// amount and the fee come back.
func (d *disputeRec) reinstatementTx() *balanceTxRec {
	return &balanceTxRec{ID: d.Reinstatement, Type: "adjustment", Category: categoryDisputeReversal, Source: d.ID,
		Amount: d.Amount, Fee: -disputeFee, Currency: d.Currency, Created: d.ReinstatedAt,
		Description: "Chargeback reversal for " + d.Charge}
}

// balanceTxs are the dispute's balance transactions, oldest first.
func (d *disputeRec) balanceTxs() []*balanceTxRec {
	var out []*balanceTxRec
	if d.Withdrawal != "" {
		out = append(out, d.withdrawalTx())
	}
	if d.Reinstatement != "" {
		out = append(out, d.reinstatementTx())
	}
	return out
}

// keepDisputeBalanceTx keeps each balance transaction of d the first time
// d is put with it, so that GET /v1/balance_transactions lists it and
// GET /v1/balance counts it.
func (o *objects) keepDisputeBalanceTx(d *disputeRec) {
	for _, bt := range d.balanceTxs() {
		if !o.has(balanceTxColl, bt.ID) {
			o.put(balanceTxColl, bt.ID, bt)
		}
	}
}

// withdraw takes a chargeback's money as it opens; an inquiry takes none.
func (d *disputeRec) withdraw() {
	if !d.Inquiry {
		d.Withdrawal = newID("txn_", longID)
	}
}

// reinstate gives a won chargeback's money back, at (unix seconds).
func (d *disputeRec) reinstate(at int64) {
	if d.Withdrawal != "" && d.Reinstatement == "" {
		d.Reinstatement, d.ReinstatedAt = newID("txn_", longID), at
	}
}

// chargedBack reports whether ch's dispute is a chargeback, whose money is
// already going back to the cardholder, so that ch cannot be refunded
// too; an inquiry's charge can be.
func chargedBack(o *objects, ch *chargeRec) bool {
	if ch.Money.Dispute == "" {
		return false
	}
	d, ok := o.dispute(ch.Money.Dispute)
	return !ok || !d.Inquiry
}

// chargeRefundable is the dispute's is_charge_refundable: an inquiry took
// no money, so its charge can still be refunded (Stripe's disputes docs),
// open or closed (answered, or closed by the merchant), until refunded
// in full; a chargeback's cannot (chargedBack).
func (d *disputeRec) chargeRefundable(o *objects) bool {
	if !d.Inquiry {
		return false
	}
	ch, ok := o.charge(d.Charge)
	return ok && ch.Money.AmountRefunded < ch.Amount
}

// resolveInquiry closes ch's open inquiry once ch is refunded in full:
// Stripe marks it resolved (warning_closed).
func resolveInquiry(o *objects, ch *chargeRec) {
	d, ok := o.dispute(ch.Money.Dispute)
	if !ok || !d.Inquiry || !d.open() || ch.Money.AmountRefunded < ch.refundable() {
		return
	}
	d.Status = "warning_closed"
	o.putDispute(d)
}
