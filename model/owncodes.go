package model

import (
	"errors"
	"io/fs"
	"os"
)

// TypeTokenscope is the type of an error of tokenscope's own (the state
// is locked, unreadable or could not be written; a charge has no
// dispute): Stripe's shape, so a script reading --json always finds one
// error object with a type and a code.
const TypeTokenscope = "tokenscope_error"

// Codes of tokenscope's own failures that are not refusals of what a
// command was given (localcodes.go): every error of tokenscope's own
// carries a code (OwnCode), these where no more specific one applies.
const (
	// CodeStateUnwritable: the state dir cannot be written (a read-only
	// file system, a dir this user may not write in).
	CodeStateUnwritable = "state_unwritable"
	// CodeNoDispute: a charge asked for its dispute has none.
	CodeNoDispute = "no_dispute"
	// CodeNoAnswer: a write got no answer within the time it may hold
	// the state lock (a Stripe-shaped error says why, when there is one).
	CodeNoAnswer = "no_answer"
	// CodeOSError: a file or a system call of this machine failed; the
	// message names what and why.
	CodeOSError = "os_error"
	// CodeInternal: a failure tokenscope has no code for; the message
	// says what failed.
	CodeInternal = "internal_error"
)

// OwnCode is the code of err, an error of tokenscope's own (no Stripe
// shape): its LocalCodeOf, else os_error for a failure of this machine's
// files or system calls, else internal_error. It is never "", so the
// human and the JSON renderings always name one.
func OwnCode(err error) string {
	switch code := LocalCodeOf(err); {
	case code != "":
		return code
	case OSFault(err):
		return CodeOSError
	}
	return CodeInternal
}

// OSFault reports an error of this machine's system in err's chain: a
// file it could not open, rename or write, a system call that failed.
func OSFault(err error) bool {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	return errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &se)
}

// NoDispute is the error for a charge (or PaymentIntent's charge) that has
// no dispute to show or answer.
func NoDispute(charge string) *Error {
	e := &Error{Type: TypeTokenscope, Code: CodeNoDispute, Param: "charge", Message: charge + " has no dispute"}
	e.Explain()
	return e
}

// ExplanationOf is the explanation kept for code, if there is one; unlike
// Explain, it falls back to none. (state_unwritable has none: its message
// says what to do.)
func ExplanationOf(code string) (Explanation, bool) {
	x, ok := explanations[code]
	return x, ok
}

func init() {
	for code, x := range map[string]Explanation{
		CodeNoDispute: {
			Why:  "only the dispute test cards open a dispute when charged (presets dispute_fraudulent, dispute_not_received, dispute_inquiry)",
			Next: "tokenscope create card --preset dispute_fraudulent, then tokenscope use TOKEN --charge AMOUNT, then tokenscope dispute on that charge",
			TUI:  "charge a token of a dispute card (n, preset dispute_fraudulent, then u): its dispute shows in the charge's pane",
		},
	} {
		explanations[code] = x
	}
}
