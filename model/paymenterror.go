package model

// CodePIAuthenticationFailure is Stripe's code for a PaymentIntent whose
// 3D Secure challenge failed.
const CodePIAuthenticationFailure = "payment_intent_authentication_failure"

// PaymentError is the error a PaymentIntent was left with
// (last_payment_error): a failed 3D Secure challenge, or a decline after
// authentication. It is Stripe's error shape, as a refusal of the request
// would have been, so it is shown and explained as one (type, code,
// decline code, message, why and next), a decline by its card. Nil when the PaymentIntent has
// none, or has moved on past it (it succeeded, or waits for something
// else).
func PaymentError(pi Fields) *Error {
	last := "last_payment_error."
	if pi.Get("object") == string(KindSetupIntent) {
		last = "last_setup_error." // a SetupIntent's, shaped alike
	}
	code := pi.Get(last + "code")
	if code == "" || pi.Get("status") != PIRequiresPaymentMethod {
		return nil
	}
	e := &Error{
		Type:          pi.Get(last + "type"),
		Code:          code,
		DeclineCode:   pi.Get(last + "decline_code"),
		Param:         pi.Get(last + "param"),
		Message:       pi.Get(last + "message"),
		Charge:        pi.Get(last + "charge"),
		PaymentIntent: pi.Get("id"),
	}
	if last == "last_setup_error." {
		e.PaymentIntent, e.SetupIntent = "", pi.Get("id")
	}
	e.Explain()
	// Stripe's last error holds the PaymentMethod that met it: its card
	// says which test card declined (several share a decline code).
	e.ExplainCardAt(pi, last+"payment_method.card")
	return e
}
