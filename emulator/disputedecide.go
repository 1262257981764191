package emulator

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// Submitted evidence puts a dispute under review; the issuer decides it
// later. Stripe's test mode decides by the evidence: uncategorized_text
// winning_evidence wins the dispute and losing_evidence loses it, after
// the dispute was under review for a while (a client test against
// Stripe waits before it reads won or lost). The emulator answers the
// submission under_review (warning_under_review for an inquiry), as
// Stripe does, and the decision settles disputeDecideDelay later, as a
// pending refund does (settle.go): charge.dispute.closed, and for a won
// chargeback its money back (charge.dispute.funds_reinstated), dated
// when it fell due. Other evidence leaves the dispute under review.

// disputeDecideDelay is how long the test issuer takes to decide: a few
// seconds, as a refund test card's refund, so a second look shows it.
const disputeDecideDelay = refundSettleDelay

// msgDisputeDeciding refuses evidence or a close of a dispute whose
// submitted test evidence is being decided: Stripe takes evidence once.
const msgDisputeDeciding = model.MsgDisputeDeciding + "; the issuer decides it shortly, so it takes no more evidence and cannot be closed."

// submit puts the dispute under review at now; the test evidence that
// decides it settles at DecideAt.
func (d *disputeRec) submit(now time.Time) {
	status, review := d.decide()
	d.Status, d.Decision, d.DecideAt = review, "", 0
	if status != review {
		d.Decision, d.DecideAt = status, now.Add(disputeDecideDelay).Unix()
	}
}

// decide is the submitted dispute's status, as Stripe's test mode decides
// it from uncategorized_text, and its status under review.
func (d *disputeRec) decide() (status, review string) {
	won, lost := "won", "lost"
	review = "under_review"
	if d.Inquiry {
		won, lost, review = "warning_closed", "warning_closed", "warning_under_review"
	}
	switch d.Evidence["uncategorized_text"] {
	case model.WinningEvidence:
		return won, review
	case model.LosingEvidence:
		return lost, review
	}
	return review, review
}

// deciding reports a decision due: the dispute is under review with
// test evidence that decides it.
func (d *disputeRec) deciding() bool { return d.DecideAt != 0 }

// settle is the dispute as it reads at now: past DecideAt it is decided,
// a won chargeback's money given back then. It returns DecideAt then (0:
// no change). A dispute closed meanwhile (an inquiry resolved by a full
// refund) stays as it is.
func (d *disputeRec) settle(now time.Time) int64 {
	at := d.DecideAt
	switch {
	case at == 0 || now.Unix() < at:
		return 0
	case !d.open():
		d.Decision, d.DecideAt = "", 0
		return 0
	}
	d.Status, d.Decision, d.DecideAt = d.Decision, "", 0
	if d.Status == "won" {
		d.reinstate(at)
	}
	return at
}

func (d *disputeRec) write(o *objects) { o.putDispute(d) }

func (d *disputeRec) settleAt() int64 { return d.DecideAt }
