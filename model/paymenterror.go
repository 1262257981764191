package model

// CodePIAuthenticationFailure is Stripe's code for a PaymentIntent whose
// 3D Secure challenge failed.
const CodePIAuthenticationFailure = "payment_intent_authentication_failure"

// PaymentError is the error a PaymentIntent was left with
// (last_payment_error): a failed 3D Secure challenge, or a decline after
// authentication. It is Stripe's error shape, as a refusal of the request
// would have been, so it is shown and explained as one (type, code,
// decline code, message, why and next). Nil when the PaymentIntent has
// none, or has moved on past it (it succeeded, or waits for something
// else).
func PaymentError(pi Fields) *Error {
	code := pi.Get("last_payment_error.code")
	if code == "" || pi.Get("status") != PIRequiresPaymentMethod {
		return nil
	}
	e := &Error{
		Type:          pi.Get("last_payment_error.type"),
		Code:          code,
		DeclineCode:   pi.Get("last_payment_error.decline_code"),
		Param:         pi.Get("last_payment_error.param"),
		Message:       pi.Get("last_payment_error.message"),
		Charge:        pi.Get("last_payment_error.charge"),
		PaymentIntent: pi.Get("id"),
	}
	e.Explain()
	return e
}
