package model

import "errors"

// CodeTokenAlreadyUsed is Stripe's error code for a second use of a token.
// After it the token is not "now used": it was used before, and saying it
// just became used would blame the attempt that Stripe refused.
const CodeTokenAlreadyUsed = "token_already_used"

// NameConsumer names, on a token_already_used refusal of rec's token, the
// recorded use that consumed it (Error.UsedBy), and explains err again.
// Stripe's error names no object; the state knows which charge or
// customer took the token, and that is what a support engineer looks up
// next. err is left as it is when it is another refusal, or when no
// recorded use consumed the token (it was used elsewhere).
func NameConsumer(err error, rec Record) {
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeTokenAlreadyUsed {
		return
	}
	first, _, found := rec.ConsumedBy()
	if !found {
		return
	}
	e.UsedBy = string(first.Kind) + " " + first.ObjectID
	switch {
	case first.DeclineCode != "":
		e.UsedBy += " (declined: " + first.DeclineCode + ")"
	case first.Code != "":
		e.UsedBy += " (failed: " + first.Code + ")"
	}
	e.Explain()
}
