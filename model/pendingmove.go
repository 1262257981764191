package model

import (
	"fmt"
	"reflect"
	"time"
)

// MoveRequest is a move sent: a write on an object the API holds rather
// than a token (a refund, a customer's charge, a capture, a bank
// verification…), or a PaymentMethod's attach or detach. It is kept
// in a Pending record as a create or a use is, so that one cancelled, or
// cut short by a kill, is sent again with its Idempotency-Key and the API
// answers with what the first made instead of making it twice (a second
// charge on the customer). Nothing in it is secret.
type MoveRequest struct {
	Action Move `json:"action"`
	// ID is the object moved: the ch_/py_/pi_ refunded, the cus_ charged,
	// the pi_/ch_ captured or cancelled, the ba_ verified, the du_
	// answered, the pm_ attached or detached.
	ID       string   `json:"id"`
	Customer string   `json:"customer,omitempty"` // a verification's, an attach's
	Amount   int64    `json:"amount,omitempty"`   // a refund's, a charge's, a capture's
	Currency string   `json:"currency,omitempty"` // a charge's
	Amounts  [2]int64 `json:"amounts,omitzero"`   // a verification's micro-deposits
	Evidence string   `json:"evidence,omitempty"` // a dispute's answer
	Close    bool     `json:"close,omitempty"`    // a dispute's answer: the loss accepted
}

// The moves of a PaymentMethod, made by the CLI only (no pane offers
// them: Subject.Moves never lists them).
const (
	MoveAttach Move = "attach"
	MoveDetach Move = "detach"
)

// PendingMove is the op of a Pending that records a MoveRequest.
const PendingMove PendingOp = "move"

// NewPendingMove is the write-ahead record of m under key.
func NewPendingMove(m MoveRequest, key string, now time.Time) Pending {
	return Pending{Key: key, Op: PendingMove, Summary: m.summary(), Created: now.UTC(), Move: &m}
}

func (m MoveRequest) summary() string {
	switch m.Action {
	case MoveRefund:
		if m.Amount > 0 {
			return fmt.Sprintf("refund %d of %s", m.Amount, m.ID)
		}
		return "refund " + m.ID
	case MoveCapture:
		// A partial capture is told from a full one: the rest is released.
		if m.Amount > 0 {
			return fmt.Sprintf("capture %d of %s", m.Amount, m.ID)
		}
		return "capture all of " + m.ID
	case MoveCharge:
		return fmt.Sprintf("charge %s %s", m.ID, FormatAmount(m.Amount, m.Currency))
	case MoveVerify:
		return fmt.Sprintf("verify %s of %s", m.ID, m.Customer)
	case MoveAnswer:
		if m.Close {
			return "close dispute " + m.ID
		}
		return "answer dispute " + m.ID
	case MoveAttach:
		return fmt.Sprintf("attach %s to %s", m.ID, m.Customer)
	}
	return string(m.Action) + " " + m.ID
}

// RefundRequest is the refund a MoveRefund sends.
func (m MoveRequest) RefundRequest() RefundRequest { return RefundRequest{Of: m.ID, Amount: m.Amount} }

// CustomerCharge is the charge a MoveCharge sends.
func (m MoveRequest) CustomerCharge() CustomerCharge {
	return CustomerCharge{Customer: m.ID, Amount: m.Amount, Currency: m.Currency}
}

// VerifyRequest is the verification a MoveVerify sends.
func (m MoveRequest) VerifyRequest() VerifyRequest {
	return VerifyRequest{Customer: m.Customer, Bank: m.ID, Amounts: m.Amounts}
}

// SameRequest: p and q ask the API the same thing (their keys, times and
// tries aside), so one is the other sent again. A create whose secret
// was withheld is the same as no other: what was withheld may differ.
func (p Pending) SameRequest(q Pending) bool {
	if ok, _ := p.Replayable(); !ok {
		return false
	}
	strip := func(p Pending) Pending {
		p.Key, p.Created, p.Tries, p.Unresolved, p.Summary = "", time.Time{}, 0, "", ""
		return p
	}
	return reflect.DeepEqual(strip(p), strip(q))
}
