package model

import (
	"strconv"
	"time"
)

// KindCharge is a charge (ch_, or py_ for a bank debit).
const KindCharge Kind = "charge"

// IsChargeID reports whether id names a charge, by the prefixes the
// registry gives one.
func IsChargeID(id string) bool {
	s, ok := KindOfID(id)
	return ok && s.Kind == KindCharge
}

// chargeKind is a charge: what it took, what was refunded, whether it is
// disputed, and how it ended.
var chargeKind = &KindSpec{
	Kind:     KindCharge,
	Object:   string(KindCharge),
	Prefixes: []string{"ch_", "py_"},
	Short:    "ch",
	Label:    "charge",
	Path:     "/v1/charges/",
	Summary: func(f Fields) string {
		return JoinWords(amountOf(f, "amount"), chargeState(f))
	},
	Fields: []DetailField{
		// status is the API's (succeeded for an authorization too: a row
		// named after a field shows its value); captured says the rest.
		{Path: "status", Label: "status", Value: func(f Fields) string {
			if s := f.Get("status"); s != "pending" {
				return s
			}
			return "pending: a bank debit waits for the bank's answer"
		}},
		{Path: "captured", Label: "captured", Value: func(f Fields) string {
			switch chargeState(f) {
			case chargeUncaptured:
				if pi := f.Get("payment_intent"); pi != "" {
					// Stripe's charge reads the same once its
					// PaymentIntent's cancel released it; the
					// PaymentIntent's status row says so
					// (releasedByCancel).
					return "false (uncaptured): not captured; its PaymentIntent " + pi + " captures it, or released it if canceled (its status says which)"
				}
				return "false (uncaptured): authorized, not captured yet" + captureBefore(f)
			case chargeReleased:
				return "false (released): the authorization was released uncaptured"
			}
			return "" // captured, or never paid: status says it
		}},
		{Path: "amount", Label: "amount", Value: func(f Fields) string { return amountOf(f, "amount") }},
		AmountCapturedField,
		AmountRefundedField,
		{Path: "refunded", Label: "refunded"},
		{Path: "disputed", Label: "disputed"},
		{Path: "failure_code", Label: "failure_code"},
		{Path: "failure_message", Label: "failure_message"},
		// A failed bank debit's money back: its own balance transaction.
		{Path: "failure_balance_transaction", Label: "failure_balance_transaction"},
		{Path: "outcome.seller_message", Label: "outcome"},
		{Path: "payment_method_details.type", Label: "method"},
		{Path: "customer", Label: "customer"},
		{Path: "payment_intent", Label: "payment_intent"},
		{Path: "created", Label: "created", Value: createdAt},
	},
}

// AmountCapturedField is a charge's amount_captured, in its pane and in
// its PaymentIntent's, quiet unless a partial capture released the rest
// (the amount then says it all).
var AmountCapturedField = DetailField{Path: "amount_captured", Label: "amount_captured", Value: AmountCaptured,
	Quiet: func(f Fields) bool { return Released(f) == 0 }}

// AmountCaptured is a charge's amount_captured as a pane shows it, saying
// how much a partial capture released uncaptured: no refund says so
// (Stripe makes none since 2025-03-31.basil), and amount_refunded does
// not count it.
func AmountCaptured(f Fields) string {
	s := amountOf(f, "amount_captured")
	if r := Released(f); r > 0 && s != "" {
		s += " (" + FormatAmount(r, f.Get("currency")) + " released uncaptured)"
	}
	return s
}

// AmountRefundedField is a charge's amount_refunded, in its pane and in
// its PaymentIntent's, quiet while zero.
var AmountRefundedField = DetailField{Path: "amount_refunded", Label: "amount_refunded",
	Value: func(f Fields) string { return amountOf(f, "amount_refunded") }, Quiet: zeroAt("amount_refunded")}

// The states of a succeeded charge that took no money: an authorization
// (capture=false, manual capture) still held, and one of the Charges API
// released by a refund (refunded says so). Stripe's status says succeeded
// for both; captured says the rest. A PaymentIntent's charge released by
// its cancel reads as one held: no field of Stripe's charge tells them
// apart (the PaymentIntent's status does).
const (
	chargeUncaptured = "uncaptured"
	chargeReleased   = "released"
)

// chargeState is a charge's state in one word, as lists and panes say it:
// its status, but for an authorization not captured.
func chargeState(f Fields) string {
	s := f.Get("status")
	if s != "succeeded" || f.Get("captured") != "false" {
		return s
	}
	if f.Get("refunded") == "true" {
		return chargeReleased
	}
	return chargeUncaptured
}

// captureBefore is when an authorization must be captured by, as the
// status line of its pane ends ("" when the charge does not say).
func captureBefore(f Fields) string {
	t, _ := strconv.ParseInt(f.Get("payment_method_details.card.capture_before"), 10, 64)
	if by := CaptureBy(t); by != "" {
		return " (" + by + ")"
	}
	return ""
}

// CaptureBy is "capture before 2026-12-12 17:00 UTC" for an
// authorization's capture_before (unix seconds), "" for 0 (not said).
func CaptureBy(unix int64) string {
	if unix == 0 {
		return ""
	}
	return "capture before " + time.Unix(unix, 0).UTC().Format("2006-01-02 15:04 UTC")
}
