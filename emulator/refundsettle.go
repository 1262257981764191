package emulator

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// Stripe's refund test cards (its testing docs, "Refunds"): a refund of a
// 4000000000007726 charge starts pending and succeeds some time later; a
// refund of a 4000000000005126 charge starts succeeded and fails some time
// later, giving the amount back to the balance. Each change is sent as
// charge.refund.updated (and refund.updated or refund.failed).

// refundSettleDelay is how long such a refund takes to change: as an ACH
// debit's, a few seconds rather than Stripe's unsaid "some time", so that
// a second look (or the background settler) shows it.
const refundSettleDelay = achSettleDelay

// refundFailureReason is the failure_reason of a refund that fails: the
// card can no longer receive it.
const refundFailureReason = "expired_or_canceled_card"

// newRefund is a refund of amount of ch made at now, as ch's test card
// has its refunds go; ch records it (and, for one that will fail, when).
func newRefund(ch *chargeRec, amount int64, piID, reason string, now time.Time) *refundRec {
	re := &refundRec{
		ID: newID("re_", longID), Created: now.Unix(), Amount: amount, Currency: ch.Currency,
		Charge: ch.ID, PaymentIntent: piID, Reason: reason, BalanceTx: newID("txn_", longID),
		Destination: cardDestination(ch),
	}
	at := now.Add(refundSettleDelay).Unix()
	switch refundOutcome(ch) {
	case model.RefundPendingFirst:
		re.Status, re.Then, re.SettleAt = "pending", "succeeded", at
	case model.RefundFailsLater:
		re.Then, re.SettleAt, re.FailureTx = "failed", at, newID("txn_", longID)
		ch.Money.Failing = append(ch.Money.Failing, failingRefund{Refund: re.ID, Amount: amount, At: at})
	}
	ch.Money.AmountRefunded += amount
	ch.Money.Refunds = append(ch.Money.Refunds, re.ID)
	return re
}

// refundOutcome is how refunds of ch go, by its card's test outcome.
func refundOutcome(ch *chargeRec) string {
	if ch.Card == nil {
		return ""
	}
	p, _ := model.CardByName(ch.Card.Preset)
	if p == nil {
		return ""
	}
	return p.Outcome.Refund
}

// settle is the refund as it reads at now: past SettleAt it has become
// Then; it returns SettleAt then (0: no change). Its charge gives back a
// failed refund's amount itself (chargeRec.settle), at the same time.
func (re *refundRec) settle(now time.Time) int64 {
	at := re.SettleAt
	if at == 0 || now.Unix() < at {
		return 0
	}
	re.SettleAt, re.Status = 0, re.Then
	if re.Status == "failed" {
		re.FailureReason = refundFailureReason
	}
	return at
}

func (re *refundRec) write(o *objects) { o.putRefund(re) }

func (re *refundRec) settleAt() int64 { return re.SettleAt }

// status is the refund's status as the API shows it.
func (re *refundRec) status() string {
	if re.Status == "" {
		return "succeeded"
	}
	return re.Status
}
