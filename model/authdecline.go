package model

// DeclinedAfterAuthentication is PaymentError for a PaymentIntent whose
// 3D Secure challenge was just completed: the challenge's answer is the
// PaymentIntent back in requires_payment_method, the decline only in
// last_payment_error. The test cards' explanations (explain.go) are for a
// card that declines at once; this one passed 3D Secure first. nil when
// the PaymentIntent holds no decline.
func DeclinedAfterAuthentication(pi Object) *Error {
	e := PaymentError(pi.Fields())
	if e == nil {
		return nil
	}
	e.RequestID = pi.RequestID
	e.ExplainAfterAuthentication()
	return e
}

// ChallengeError is the error the answer to a 3D Secure challenge left
// its PaymentIntent or SetupIntent (pi, as the answer returned it) with:
// failed, the authentication failure (PaymentError); completed, a decline
// after authentication (DeclinedAfterAuthentication). nil when it holds
// none. The CLI, the TUI and a report explain it alike.
func ChallengeError(pi Object, failed bool) *Error {
	if !failed {
		return DeclinedAfterAuthentication(pi)
	}
	e := PaymentError(pi.Fields())
	if e != nil {
		e.RequestID = pi.RequestID
	}
	return e
}

// ExplainAfterAuthentication explains e as a decline met once 3D Secure
// was completed: e's codes alone would be explained as a card declining
// at once.
func (e *Error) ExplainAfterAuthentication() {
	intent, what := "PaymentIntent", "the payment"
	if e.SetupIntent != "" {
		intent, what = "SetupIntent", "the card"
	}
	e.Why = "3D Secure was completed, then the issuer declined " + what + " (" +
		Outcome{Code: e.Code, DeclineCode: e.DeclineCode}.Codes() + "): the card's test number simulates a decline after authentication"
	e.Next = "confirm the " + intent + " again with another payment method (the threeds_required preset authenticates, then succeeds); the " + intent + " waits in requires_payment_method"
}
