package model

import (
	"strconv"
	"strings"
)

// The steps that follow a token's use, on what the use made: a
// PaymentIntent's 3D Secure answer, capture and cancel, a refund of its
// charge, evidence on its dispute, a customer's bank account verified.
// They are UseKinds so that a Record keeps them as Uses (Record.Steps):
// what was done, when, by which request, with what status.
const (
	StepAuthenticate UseKind = "authenticate"
	StepCapture      UseKind = "capture"
	StepCancel       UseKind = "cancel"
	StepRefund       UseKind = "refund"
	StepVerify       UseKind = "verify"
	StepDispute      UseKind = "dispute"
)

// TestDeposits are the micro-deposits test mode sends a bank account.
var TestDeposits = [2]int64{32, 45}

// StepRequest is one step on the object a token's use made.
type StepRequest struct {
	Kind UseKind
	// Of is the object the step acts on: a PaymentIntent (authenticate,
	// capture, cancel), a charge or PaymentIntent (refund, dispute: its
	// charge's), a customer (verify: its bank account).
	Of string
	// Amount is a refund's or a capture's, 0 for all (that remains).
	Amount int64
	// Fail fails a 3D Secure challenge instead of completing it.
	Fail bool
	// Evidence is a dispute's evidence[uncategorized_text]; "" closes it.
	Evidence string
	// Amounts are a verification's micro-deposits.
	Amounts [2]int64
	// IdempotencyKey is sent with a refund, so that a step sent again
	// (an apply killed before it recorded the answer) refunds once.
	IdempotencyKey string
}

// Done is the step as a token's record keeps it, from the object it
// answered with (obj: a PaymentIntent, refund, bank account, dispute).
func (r StepRequest) Done(obj Object) Use {
	f := obj.Fields()
	u := Use{Kind: r.Kind, ObjectID: obj.ID, Status: f.Get("status"), Amount: r.Amount, RequestID: obj.RequestID,
		Fail: r.Fail, Evidence: r.Evidence, At: obj.FetchedAt}
	if r.Amount > 0 {
		u.Currency = f.Get("currency")
	}
	if r.Kind == StepRefund && obj.Kind == KindRefund && RefundVerb(f) == ChargeReleased {
		// A release moved no money: its outcome says released, as the
		// charge and the refund's own texts do, not succeeded.
		u.Status = ChargeReleased
	}
	if r.Kind == StepAuthenticate {
		// What the challenge's answer left the intent with (a failed
		// challenge, a decline after it), a SetupIntent's too, kept so
		// that a report tells it when the log no longer holds the answer.
		if e := PaymentError(f); e != nil {
			u.Code, u.DeclineCode = e.Code, e.DeclineCode
		}
	}
	return u
}

// PlanStep describes a step of the token named name, numbered n among
// the token's steps of its kind when there are several (-1 for one), after
// its use (whose amount a capture takes from). Its object (req.Of) is
// KnownAfterApply when the same apply makes it.
func PlanStep(name string, n int, use UseRequest, req StepRequest) Change {
	after := use.Kind
	addr := string(req.Kind) + "." + name
	if n >= 0 {
		addr += "[" + strconv.Itoa(n) + "]"
	}
	of := Attr{Value: KnownAfterApply, Note: "made by the use above"}
	if req.Of != "" {
		of = Attr{Value: str(req.Of)}
	}
	if after == UsePaymentIntent && req.Kind == StepDispute {
		of.Note = "the latest charge of the PaymentIntent the use makes"
	}
	c := Change{Address: addr, Action: ActionCreate}
	switch req.Kind {
	case StepAuthenticate:
		action := "complete"
		if req.Fail {
			action = "fail"
		}
		of.Name = "payment_intent"
		c.Request = "POST " + EmulatorChallengePath + "{payment_intent} (the emulator's test page; against Stripe, a page to open)"
		status := Attr{Name: "status", Value: KnownAfterApply}
		if req.Fail {
			status.Note = "expected: " + PIRequiresPaymentMethod
		}
		c.Attrs = []Attr{of, {Name: "action", Value: str(action)}, status}
	case StepCapture, StepCancel:
		of.Name = "payment_intent"
		c.Request = "POST /v1/payment_intents/{id}/" + string(req.Kind)
		c.Attrs = []Attr{of}
		if req.Amount > 0 {
			amount := Attr{Name: "amount_to_capture", Value: strconv.FormatInt(req.Amount, 10)}
			if req.Kind == StepCapture && use.Amount > 0 && use.Currency != "" {
				_, amount.Note, _ = captureOf(req.Amount, use.Amount, use.Currency)
			}
			c.Attrs = append(c.Attrs, amount)
		}
		c.Attrs = append(c.Attrs, Attr{Name: "status", Value: KnownAfterApply})
	case StepRefund:
		of.Name = "charge"
		if after == UsePaymentIntent {
			of.Name = "payment_intent"
		}
		amount := Attr{Name: "amount", Value: strconv.FormatInt(req.Amount, 10)}
		if req.Amount == 0 {
			amount = Attr{Name: "amount", Value: KnownAfterApply, Note: "all that remains"}
		}
		c.Request = "POST /v1/refunds"
		c.Attrs = []Attr{of, amount, {Name: "id", Value: KnownAfterApply}, {Name: "status", Value: KnownAfterApply}}
	case StepVerify:
		of.Name = "customer"
		c.Request = "POST /v1/customers/{customer}/sources/{bank_account}/verify"
		c.Attrs = []Attr{of, {Name: "bank_account", Value: KnownAfterApply, Note: "the customer's default source"},
			{Name: "amounts", Value: "[" + strconv.FormatInt(req.Amounts[0], 10) + ", " + strconv.FormatInt(req.Amounts[1], 10) + "]"},
			{Name: "status", Value: KnownAfterApply}}
	case StepDispute:
		of.Name = "charge"
		c.Request = "POST /v1/disputes/{id}"
		answer := Attr{Name: "evidence.uncategorized_text", Value: str(req.Evidence)}
		if req.Evidence == "" {
			c.Request += "/close"
			answer = Attr{Name: "close", Value: "true", Note: "accepts the loss"}
		}
		c.Attrs = []Attr{of, {Name: "id", Value: KnownAfterApply, Note: "the dispute the charge opened"}, answer,
			{Name: "status", Value: KnownAfterApply}}
	}
	return laterStep(after, req, c)
}

// IsStep tells a step's kind from a use's.
func IsStep(k UseKind) bool {
	switch k {
	case StepAuthenticate, StepCapture, StepCancel, StepRefund, StepVerify, StepDispute:
		return true
	}
	return false
}

// StepOutcome is a recorded step in a few words: "refund: succeeded".
func StepOutcome(u Use) string {
	return strings.TrimSuffix(string(u.Kind)+": "+u.Status, ": ")
}
