package model

// DeclinedAfterAuthentication is the decline a PaymentIntent holds in
// last_payment_error after its 3D Secure challenge was completed, as the
// one error model: the challenge's answer is the PaymentIntent back in
// requires_payment_method, and the decline is only there. nil when the
// PaymentIntent holds none.
func DeclinedAfterAuthentication(pi Object) *Error {
	f := pi.Fields()
	if f.Get("last_payment_error.code") == "" && f.Get("last_payment_error.type") == "" {
		return nil
	}
	e := &Error{
		Type:          f.Get("last_payment_error.type"),
		Code:          f.Get("last_payment_error.code"),
		DeclineCode:   f.Get("last_payment_error.decline_code"),
		Param:         f.Get("last_payment_error.param"),
		Message:       f.Get("last_payment_error.message"),
		Charge:        f.Get("last_payment_error.charge"),
		PaymentIntent: pi.ID,
		RequestID:     pi.RequestID,
	}
	// The test cards' explanations (explain.go) are for a card that
	// declines at once; this one passed 3D Secure first.
	e.Why = "3D Secure was completed, then the issuer declined the payment (" +
		Outcome{Code: e.Code, DeclineCode: e.DeclineCode}.Codes() + "): the card's test number simulates a decline after authentication"
	e.Next = "confirm the PaymentIntent again with another payment method (the threeds_required preset authenticates, then succeeds); the PaymentIntent waits in requires_payment_method"
	return e
}
