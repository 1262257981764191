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
	e.Why = "3D Secure was completed, then the issuer declined the payment (" +
		Outcome{Code: e.Code, DeclineCode: e.DeclineCode}.Codes() + "): the card's test number simulates a decline after authentication"
	e.Next = "confirm the PaymentIntent again with another payment method (the threeds_required preset authenticates, then succeeds); the PaymentIntent waits in requires_payment_method"
	return e
}
