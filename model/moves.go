package model

import (
	"slices"
	"strconv"
	"strings"
)

// Move is a change tokenscope makes to an object from its pane, as the
// CLI's authenticate, capture, cancel, refund, dispute, verify and
// use cus_… --charge do. Each is offered only in the states Stripe allows
// it in, so a pane never offers what can only fail.
type Move string

const (
	MoveAuthenticate Move = "authenticate" // complete or fail 3D Secure
	MoveCapture      Move = "capture"
	MoveCancel       Move = "cancel"
	MoveRefund       Move = "refund"
	MoveRelease      Move = "release" // an authorization: a refund of it, uncaptured
	MoveAnswer       Move = "answer"  // a dispute: evidence, or close
	MoveVerify       Move = "verify"
	MoveCharge       Move = "charge" // a customer's default source
)

// Subject is an object as its moves see it: its id and fields, and the
// fields of the object that decides some of them (a customer's bank
// account, a PaymentIntent's latest charge); Related is nil when none was
// read.
type Subject struct {
	ID      string
	F       Fields
	Related Fields
}

// piCancellable are the statuses a PaymentIntent can be canceled in.
var piCancellable = []string{PIRequiresPaymentMethod, PIRequiresConfirmation, PIRequiresAction, PIRequiresCapture, PIProcessing}

// DisputeOpen reports a dispute status that still takes evidence or a
// close: it waits for the merchant, or is under review.
func DisputeOpen(status string) bool {
	switch status {
	case "needs_response", "warning_needs_response", "under_review", "warning_under_review":
		return true
	}
	return false
}

// Moves are the moves the subject's state allows, in the order a pane
// lists their keys.
func (s Subject) Moves() []Move {
	var out []Move
	for _, m := range []Move{MoveAuthenticate, MoveCapture, MoveCancel, MoveRefund, MoveRelease, MoveAnswer, MoveVerify, MoveCharge} {
		if s.Allows(m) {
			out = append(out, m)
		}
	}
	return out
}

// Allows reports whether the subject's state allows m. A bank account
// whose status could not be read allows both verify and charge: Stripe
// then says which applies.
func (s Subject) Allows(m Move) bool {
	if s.F == nil {
		return false
	}
	status := s.F.Get("status")
	switch m {
	case MoveAuthenticate:
		return s.is("pi_", "seti_") && status == PIRequiresAction
	case MoveCapture:
		return (s.is("pi_") && status == PIRequiresCapture) || s.Uncaptured()
	case MoveCancel:
		return s.is("pi_") && slices.Contains(piCancellable, status)
	case MoveRefund:
		n, _ := s.Refundable()
		return n > 0
	case MoveRelease:
		return s.Uncaptured()
	case MoveAnswer:
		return s.is("du_", "dp_") && DisputeOpen(status) && !DisputeDeciding(s.F)
	case MoveVerify:
		_, ba, st := s.Bank()
		return ba != "" && (st == "" || st == "new" || st == "validated")
	case MoveCharge:
		if s.is("cus_") && s.F.Get("default_source") != "" && !strings.HasPrefix(s.F.Get("default_source"), "ba_") {
			return true // a card
		}
		_, ba, st := s.Bank()
		return ba != "" && (st == "" || st == "verified")
	}
	return false
}

func (s Subject) is(prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s.ID, p) {
			return true
		}
	}
	return false
}

// Refundable is what remains to refund of a charge, or of a
// PaymentIntent's latest charge (its amount received when that charge
// was not read), in currency; 0 when nothing can be refunded: not
// succeeded, refunded in full, or disputed (the money is already going
// back through the dispute), but for a charge whose dispute, read as
// its Related, leaves it refundable (refundableDispute).
func (s Subject) Refundable() (n int64, currency string) {
	ch := s.F
	disputeAllows := false
	switch {
	case s.is("ch_", "py_"):
		disputeAllows = refundableDispute(s.Related)
	case s.is("pi_") && s.F.Get("status") == PISucceeded:
		if s.Related == nil {
			return intField(s.F, "amount_received"), s.F.Get("currency")
		}
		ch = s.Related
	default:
		return 0, ""
	}
	if ch.Get("status") != "succeeded" || (ch.Get("disputed") == "true" && !disputeAllows) {
		return 0, ""
	}
	captured := intField(ch, "amount_captured")
	if !ch.Has("amount_captured") {
		captured = intField(ch, "amount")
	}
	// What a partial capture left was released with no refund (Stripe
	// since 2025-03-31.basil): what remains is what was captured less
	// what was refunded of it.
	return max(captured-intField(ch, "amount_refunded"), 0), ch.Get("currency")
}

// refundableDispute reports whether dispute d leaves its charge
// refundable: Stripe says so (is_charge_refundable), or d is an inquiry
// (warning_*), open or closed. An inquiry takes no money: "the payment
// it relates to can still be refunded" (Stripe's disputes docs), after
// the inquiry closes too; a refund in full is what resolves one. A
// chargeback's money goes back through the dispute, never a refund.
func refundableDispute(d Fields) bool {
	return d.Get("is_charge_refundable") == "true" || strings.HasPrefix(d.Get("status"), "warning_")
}

// Released is what a partial capture of charge f gave back uncaptured:
// its amount less amount_captured (Stripe makes no refund of it), which a
// pane says beside amount_captured.
func Released(f Fields) int64 {
	if f.Get("captured") != "true" || !f.Has("amount_captured") {
		return 0
	}
	return max(intField(f, "amount")-intField(f, "amount_captured"), 0)
}

// Capturable is what a PaymentIntent in requires_capture can capture.
func (s Subject) Capturable() (int64, string) {
	if s.Uncaptured() {
		return intField(s.F, "amount"), s.F.Get("currency")
	}
	return intField(s.F, "amount_capturable"), s.F.Get("currency")
}

// Bank is the bank account a customer's or bank account's moves act on:
// its customer, its id and its status ("" when not read); ba is "" when
// there is none (a customer whose default source is a card, or none).
func (s Subject) Bank() (customer, ba, status string) {
	switch {
	case s.is("ba_"):
		return s.F.Get("customer"), s.ID, s.F.Get("status")
	case s.is("cus_") && strings.HasPrefix(s.F.Get("default_source"), "ba_"):
		if s.Related != nil {
			status = s.Related.Get("status")
		}
		return s.ID, s.F.Get("default_source"), status
	}
	return "", "", ""
}

// Customer is the customer a charge move charges: the subject itself, or
// a bank account's customer.
func (s Subject) Customer() string {
	if s.is("ba_") {
		return s.F.Get("customer")
	}
	return s.ID
}

// DisputeAfter is the status a dispute in status ends in when answered,
// as Stripe's test mode decides it: winning_evidence wins, losing_evidence
// loses (each after a review: dispute_decide.go), other text waits for
// review; close accepts the loss at once. An inquiry (warning_ statuses)
// closes either way.
func DisputeAfter(status, evidence string, close bool) string {
	won, lost, review := "won", "lost", disputeReview(status)
	if strings.HasPrefix(status, "warning_") {
		won, lost = "warning_closed", "warning_closed"
	}
	switch {
	case close, evidence == LosingEvidence:
		return lost
	case evidence == WinningEvidence:
		return won
	}
	return review
}

func intField(f Fields, path string) int64 {
	n, _ := strconv.ParseInt(f.Get(path), 10, 64)
	return n
}
