package model

import (
	"errors"
	"strings"
)

// Error types, as Stripe names them, and the one tokenscope adds.
const (
	TypeCardError      = "card_error"
	TypeInvalidRequest = "invalid_request_error"
	TypeAPIError       = "api_error"
	// TypeConnection is a request that got no HTTP answer (DNS, refused
	// connection, timeout, cancelled). stripe-go v85 has no constant for it;
	// the name is the one Stripe's other libraries use.
	TypeConnection = "api_connection_error"
)

// Error is every refusal tokenscope reports, local or remote, in Stripe's
// shape, so the TUI, the CLI and the emulator show and send the same fields:
// type, code, param, message, request id and a plain explanation.
type Error struct {
	Type, Code, DeclineCode, Param, Message, RequestID string
	HTTPStatus                                         int
	// Charge is the failed charge, on a decline: Stripe keeps it, so the
	// Use recorded on the token can point at it.
	Charge string
	// UsedBy is what consumed the token, on token_already_used, when the
	// state knows it ("charge ch_123"): see NameConsumer.
	UsedBy string
	// PaymentIntent is the PaymentIntent a decline left in
	// requires_payment_method, on a confirm.
	PaymentIntent string
	// SetupIntent is the SetupIntent a card check's decline left in
	// requires_payment_method.
	SetupIntent string
	// Local: refused by a local check, never sent.
	Local bool
	// Why and Next are a plain explanation and next step (explain.go);
	// NextTUI, when set, is the next step as the TUI takes it, where Next
	// names a flag or a command (Explanation.TUI).
	Why, Next, NextTUI string
	// Cause is what failed under a request that got no answer (the
	// context's cancel or deadline, a network error), so a cancel the
	// user asked for is told apart from a network fault.
	Cause error
}

// Unwrap gives the cause of an error that got no answer.
func (e *Error) Unwrap() error { return e.Cause }

// Error reads "number: incorrect_number: Your card number is incorrect.
// (request req_123)".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Param != "" {
		b.WriteString(e.Param + ": ")
	}
	code := e.Code
	if code == "" {
		code = e.Type
	}
	b.WriteString(code)
	if e.DeclineCode != "" && e.DeclineCode != e.Code {
		b.WriteString(" (" + e.DeclineCode + ")")
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request " + e.RequestID + ")")
	}
	return b.String()
}

// AsError finds the *Error in err's chain or, failing that, a local check's
// *FieldError and gives the Error it stands for (Local, not yet explained).
// It is the one place a FieldError becomes an Error.
func AsError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	var fe *FieldError
	if errors.As(err, &fe) && fe != nil {
		return &Error{Type: fe.Type, Code: fe.Code, Param: fe.Param, Message: fe.Message, Local: true}, true
	}
	return nil, false
}

// LocalError is a refusal by a check that ran before anything was sent,
// explained.
func LocalError(code, param, message string) *Error {
	e := &Error{Type: TypeInvalidRequest, Code: code, Param: param, Message: message, Local: true}
	e.Explain()
	return e
}
