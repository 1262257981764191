package emulator

import (
	"slices"
	"time"
)

// Collections of the objects that follow a charge.
const (
	refundsColl  = "refunds"
	disputesColl = "disputes"
	accountsColl = "accounts"
	personsColl  = "persons"
)

// chargeMoney is what a charge carries beyond its card: its refunds and
// dispute, and for an ACH debit the bank account and when it settles.
type chargeMoney struct {
	AmountRefunded int64    `json:"amount_refunded,omitempty"`
	Refunds        []string `json:"refunds,omitempty"` // re_ ids, oldest first
	Dispute        string   `json:"dispute,omitempty"`
	// Bank is the account an ACH debit draws on (Card is nil then).
	Bank *bankRec `json:"bank,omitempty"`
	// SettleAt is when a pending ACH debit settles (unix seconds), with
	// FailCode the test account's failure code ("" succeeds). 0: never.
	SettleAt int64  `json:"settle_at,omitempty"`
	FailCode string `json:"fail_code,omitempty"`
	// FailureTx is the balance transaction a failed debit gives its
	// amount back with (the charge's failure_balance_transaction).
	FailureTx string `json:"failure_balance_transaction,omitempty"`
	// Failing are refunds that will fail (4000000000005126): from At
	// their amount is no longer refunded.
	Failing []failingRefund `json:"failing,omitempty"`
}

// failingRefund is a refund of the charge that fails at At (unix seconds).
type failingRefund struct {
	Refund string `json:"refund"`
	Amount int64  `json:"amount"`
	At     int64  `json:"at"`
}

// show puts what followed the charge into its JSON: refunds, a dispute.
// refundable is what the charge's refunds may add up to: refunded once
// they do.
func (m chargeMoney) show(out *chargeJSON, refundable int64) {
	out.AmountRefunded = m.AmountRefunded
	out.Refunded = m.AmountRefunded > 0 && m.AmountRefunded >= refundable
	out.Disputed = m.Dispute != ""
}

// settle is the charge as it reads at now: a pending ACH debit past its
// SettleAt has succeeded or failed by its test account's code, as Stripe's
// debits do a few days later (here: achSettleDelay); a refund that has
// failed since is no longer counted as refunded. It returns when the last
// of these changes fell due (0: none). The first read writes it
// (settle.go).
func (ch *chargeRec) settle(now time.Time) int64 {
	at := max(ch.refundsFailed(now), ch.expire(now))
	m := &ch.Money
	if ch.Status != "pending" || m.SettleAt == 0 || now.Unix() < m.SettleAt {
		return at
	}
	at, m.SettleAt = max(at, m.SettleAt), 0
	if m.FailCode == "" {
		ch.Status = "succeeded"
		return at
	}
	// The debit's balance transaction stays, as Stripe's does; the
	// failure gives the money back with a balance transaction of its own.
	ch.Status, ch.FailureCode, ch.FailureMessage = "failed", m.FailCode, achFailures[m.FailCode]
	m.FailureTx = newID("txn_", longID)
	ch.Outcome = outcome{NetworkStatus: "declined_by_network", Type: "issuer_declined", RiskLevel: "not_assessed",
		SellerMessage: "The bank returned the failure code `" + m.FailCode + "`.", Reason: m.FailCode}
	return at
}

// refundsFailed gives back what the refunds failed by now had refunded,
// and returns when the last of them failed (0: none).
func (ch *chargeRec) refundsFailed(now time.Time) int64 {
	m := &ch.Money
	at := int64(0)
	m.Failing = slices.DeleteFunc(m.Failing, func(f failingRefund) bool {
		if now.Unix() < f.At {
			return false
		}
		m.AmountRefunded -= f.Amount
		at = max(at, f.At)
		return true
	})
	return at
}

// settleAt is when the charge next changes with time: its debit settles
// or one of its refunds fails.
func (ch *chargeRec) settleAt() int64 {
	at := ch.expiresAt()
	if ch.Status == "pending" {
		at = ch.Money.SettleAt
	}
	for _, f := range ch.Money.Failing {
		if at == 0 || f.At < at {
			at = f.At
		}
	}
	return at
}

// refundRec is a refund of (part of) a charge.
type refundRec struct {
	ID            string   `json:"id"`
	Created       int64    `json:"created"`
	Amount        int64    `json:"amount"`
	Currency      string   `json:"currency"`
	Charge        string   `json:"charge"`
	PaymentIntent string   `json:"payment_intent,omitempty"`
	Reason        string   `json:"reason,omitempty"`
	Metadata      metadata `json:"metadata,omitempty"`
	BalanceTx     string   `json:"balance_transaction"`
	// Status is "" for succeeded, else pending or failed; at SettleAt
	// (unix seconds, 0: never) it becomes Then (refundsettle.go).
	Status   string `json:"status,omitempty"`
	SettleAt int64  `json:"settle_at,omitempty"`
	Then     string `json:"then,omitempty"`
	// FailureTx is the balance transaction a failure gives back with.
	FailureTx     string `json:"failure_balance_transaction,omitempty"`
	FailureReason string `json:"failure_reason,omitempty"`
	// Destination is what a card refund is (refunddestination.go): a
	// refund, a reversal, or "" for a bank debit's.
	Destination string `json:"destination,omitempty"`
}

// disputeRec is a dispute a dispute test card opened on its charge.
type disputeRec struct {
	ID            string `json:"id"`
	Created       int64  `json:"created"`
	Amount        int64  `json:"amount"`
	Currency      string `json:"currency"`
	Charge        string `json:"charge"`
	PaymentIntent string `json:"payment_intent,omitempty"`
	Reason        string `json:"reason"`
	Status        string `json:"status"`
	Inquiry       bool   `json:"inquiry,omitempty"`
	// Evidence is what was sent as evidence[...], by field.
	Evidence    map[string]string `json:"evidence,omitempty"`
	Submissions int               `json:"submissions,omitempty"`
	Metadata    metadata          `json:"metadata,omitempty"`
	// Withdrawal and Reinstatement are the balance transactions of the
	// money a chargeback took and, won, gave back (disputemoney.go).
	Withdrawal    string `json:"withdrawal,omitempty"`
	Reinstatement string `json:"reinstatement,omitempty"`
	ReinstatedAt  int64  `json:"reinstated_at,omitempty"`
	// Network is the card network of the disputed charge
	// (disputedetails.go).
	Network string `json:"network,omitempty"`
	// Decision is the status the test evidence decides, at DecideAt
	// (unix seconds; disputedecide.go).
	Decision string `json:"decision,omitempty"`
	DecideAt int64  `json:"decide_at,omitempty"`
}

// accountRec is a Connect account (custom), made from an account token or
// from parameters.
type accountRec struct {
	ID           string   `json:"id"`
	Created      int64    `json:"created"`
	Country      string   `json:"country"`
	Email        string   `json:"email,omitempty"`
	BusinessType string   `json:"business_type,omitempty"`
	Metadata     metadata `json:"metadata,omitempty"`
	// FromToken: made with an account token, so updated only with tokens.
	FromToken bool `json:"from_token,omitempty"`
	// Individual is the person an individual account is (person_ id).
	Individual string `json:"individual,omitempty"`
	// Type is express or standard; "" is custom (accounts made before
	// the emulator took the others).
	Type string `json:"type,omitempty"`
	// Company, BusinessProfile and TOSAcceptance are what was given of
	// each, by field (accountfields.go); Capabilities the ones requested.
	Company         map[string]string `json:"company,omitempty"`
	BusinessProfile map[string]string `json:"business_profile,omitempty"`
	TOSAcceptance   map[string]string `json:"tos_acceptance,omitempty"`
	Capabilities    []string          `json:"capabilities,omitempty"`
}

// personRec is a person of a Connect account. The id number itself is
// never kept: only that one was given (by a PII token or in clear).
type personRec struct {
	ID               string   `json:"id"`
	Account          string   `json:"account"`
	Created          int64    `json:"created"`
	FirstName        string   `json:"first_name,omitempty"`
	LastName         string   `json:"last_name,omitempty"`
	Email            string   `json:"email,omitempty"`
	IDNumberProvided bool     `json:"id_number_provided,omitempty"`
	Metadata         metadata `json:"metadata,omitempty"`
	// Relationship is what was given of it, by field (accountfields.go).
	Relationship map[string]string `json:"relationship,omitempty"`
}

// accountTokenRec is what an account token holds for the account it makes.
type accountTokenRec struct {
	BusinessType string `json:"business_type,omitempty"`
	FirstName    string `json:"first_name,omitempty"`
	LastName     string `json:"last_name,omitempty"`
}

func (o *objects) refund(id string) (*refundRec, bool) { return get[refundRec](o, refundsColl, id) }
func (o *objects) dispute(id string) (*disputeRec, bool) {
	return get[disputeRec](o, disputesColl, id)
}
func (o *objects) account(id string) (*accountRec, bool) {
	return get[accountRec](o, accountsColl, id)
}
func (o *objects) person(id string) (*personRec, bool) { return get[personRec](o, personsColl, id) }

func (o *objects) putRefund(r *refundRec) {
	o.put(refundsColl, r.ID, r)
	o.keepRefundBalanceTx(r)
}
func (o *objects) putDispute(d *disputeRec) {
	o.put(disputesColl, d.ID, d)
	o.keepDisputeBalanceTx(d)
}
func (o *objects) putAccount(a *accountRec) { o.put(accountsColl, a.ID, a) }
func (o *objects) putPerson(p *personRec)   { o.put(personsColl, p.ID, p) }
