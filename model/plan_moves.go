package model

import (
	"fmt"
	"strconv"
)

// MoveInput is what a move's form asks for: an amount (capture, refund,
// charge; 0: all there is), a currency (charge), the evidence or the close
// of a dispute, the micro-deposits of a verification.
type MoveInput struct {
	Amount   int64
	Currency string
	Evidence string
	Close    bool
	Amounts  [2]int64
}

// TestMicroDeposits are the amounts that verify a bank account in test
// mode; others fail with bank_account_verification_failed.
var TestMicroDeposits = [2]int64{32, 45}

// PlanMove is the plan of move m on s with in, as the TUI shows it before
// sending: what changes, with the values it has now, what it becomes where
// that is known (a test-mode dispute's outcome, a verification with the
// test amounts), and the request.
func PlanMove(m Move, s Subject, in MoveInput) []Change {
	status := s.F.Get("status")
	update := func(address, request string, attrs ...Attr) Change {
		return Change{Address: address, Action: ActionUpdate, Request: request, Attrs: attrs}
	}
	switch m {
	case MoveCapture:
		if s.Uncaptured() {
			return planChargeCapture(s, in)
		}
		capturable, cur := s.Capturable()
		n, note := in.Amount, "all of it"
		attrs := []Attr{{Name: "status", Old: str(status), Value: str(PISucceeded)}}
		switch {
		case n == 0 || n == capturable:
			n = capturable
		case n < capturable:
			note = FormatAmount(n, cur) + " of " + FormatAmount(capturable, cur) + "; the other " + FormatAmount(capturable-n, cur) + " is released"
		default:
			note = "more than the " + FormatAmount(capturable, cur) + " authorized: expected amount_too_large"
			attrs = nil // the status stays
		}
		attrs = append(attrs, Attr{Name: "amount_to_capture", Value: strconv.FormatInt(n, 10), Note: note})
		return []Change{update("payment_intent."+s.ID, "POST /v1/payment_intents/"+s.ID+"/capture", attrs...)}
	case MoveCancel:
		attrs := []Attr{{Name: "status", Old: str(status), Value: str(PICanceled)}}
		if n, cur := s.Capturable(); n > 0 {
			attrs = append(attrs, Attr{Name: "amount_capturable", Old: strconv.FormatInt(n, 10), Value: "0",
				Note: "the authorization of " + FormatAmount(n, cur) + " is released"})
		}
		return []Change{update("payment_intent."+s.ID, "POST /v1/payment_intents/"+s.ID+"/cancel", attrs...)}
	case MoveRefund:
		return planRefund(s, in)
	case MoveRelease:
		return planRelease(s)
	case MoveAnswer:
		after := DisputeAfter(status, in.Evidence, in.Close)
		if in.Close {
			return []Change{update("dispute."+s.ID, "POST /v1/disputes/"+s.ID+"/close",
				Attr{Name: "status", Old: str(status), Value: str(after), Note: "the loss is accepted"})}
		}
		return []Change{update("dispute."+s.ID, "POST /v1/disputes/"+s.ID,
			Attr{Name: "evidence.uncategorized_text", Value: str(in.Evidence)},
			planAnswer(status, in.Evidence), // dispute_decide.go
		)}
	case MoveVerify:
		cus, ba, st := s.Bank()
		amounts := Attr{Name: "amounts", Value: fmt.Sprintf("[%d, %d]", in.Amounts[0], in.Amounts[1]), Note: "the test micro-deposits"}
		after := Attr{Name: "status", Value: str("verified")}
		if in.Amounts != TestMicroDeposits {
			amounts.Note = "test mode verifies with 32 and 45 only"
			after = Attr{Name: "status", Value: KnownAfterApply, Note: "expected: bank_account_verification_failed"}
		}
		if st != "" {
			after.Old = str(st)
		}
		return []Change{update("bank_account."+ba, "POST /v1/customers/"+cus+"/sources/"+ba+"/verify", amounts, after)}
	case MoveCharge:
		cus := s.Customer()
		source := Attr{Name: "source", Value: str(s.F.Get("default_source")), Note: "the customer's default source" + cardChargeExpect(s.Related)}
		if _, ba, _ := s.Bank(); ba != "" {
			source = Attr{Name: "source", Value: str(ba), Note: "a verified bank account: an ACH debit, pending until the bank answers"}
		}
		return []Change{{Address: "charge." + cus, Action: ActionCreate, Request: "POST /v1/charges", Attrs: []Attr{
			amountAttr(in.Amount, in.Currency),
			{Name: "currency", Value: str(in.Currency)},
			{Name: "customer", Value: str(cus)},
			source,
			{Name: "id", Value: KnownAfterApply},
			{Name: "status", Value: KnownAfterApply},
		}}}
	}
	return nil
}

// planRefund is a refund created, and what it changes on the charge when
// the charge is known: its amount_refunded, and refunded once nothing
// remains.
func planRefund(s Subject, in MoveInput) []Change {
	remains, cur := s.Refundable()
	n, note := in.Amount, ""
	switch {
	case n == 0 || n == remains:
		n = remains
		note = FormatAmount(n, cur) + ", all that remains"
	case n < remains:
		note = FormatAmount(n, cur) + " of the " + FormatAmount(remains, cur) + " that remains"
	default:
		// Sent as typed: Stripe's refusal is what this shows.
		note = "more than the " + FormatAmount(remains, cur) + " that remains: expected amount_too_large"
		return []Change{{Address: "refund." + s.ID, Action: ActionCreate, Request: "POST /v1/refunds", Attrs: []Attr{
			{Name: RefundParam(s.ID), Value: str(s.ID)},
			{Name: "amount", Value: strconv.FormatInt(n, 10), Note: note},
		}}}
	}
	refund := Change{Address: "refund." + s.ID, Action: ActionCreate, Request: "POST /v1/refunds", Attrs: []Attr{
		{Name: RefundParam(s.ID), Value: str(s.ID)},
		{Name: "amount", Value: strconv.FormatInt(n, 10), Note: note},
		{Name: "id", Value: KnownAfterApply},
		{Name: "status", Value: KnownAfterApply},
	}}
	ch := s.F
	if s.Related != nil {
		ch = s.Related
	}
	if !ch.Has("amount_refunded") || ch.Get("id") == "" {
		return []Change{refund}
	}
	was := intField(ch, "amount_refunded")
	attrs := []Attr{{Name: "amount_refunded", Old: strconv.FormatInt(was, 10), Value: strconv.FormatInt(was+n, 10)}}
	if n == remains {
		attrs = append(attrs, Attr{Name: "refunded", Old: "false", Value: "true"})
	}
	return []Change{refund, {Address: "charge." + ch.Get("id"), Action: ActionUpdate, Attrs: attrs}}
}
