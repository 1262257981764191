package model

// The explanations of the errors PaymentMethods and PaymentIntents meet.
func init() {
	for code, x := range map[string]Explanation{
		"payment_intent_unexpected_state": {
			Why:  "the PaymentIntent's status does not allow this: capture needs requires_capture, authenticate requires_action, and a succeeded or canceled one is done",
			Next: "see its status with tokenscope get PI; make a new PaymentIntent to try again (tokenscope use TOKEN --payment-intent AMOUNT)",
		},
		CodePIAuthenticationFailure: {
			Why:  "the customer failed (or abandoned) the 3D Secure challenge, so the PaymentIntent went back to requires_payment_method",
			Next: "confirm it again with a new PaymentMethod; with a test card, tokenscope authenticate PI completes the challenge",
			TUI:  "pay a new PaymentIntent with a new token of the card (n, then u) and complete its challenge with a",
		},
		"amount_too_large@amount_to_capture": {
			Why:  "the capture asks for more than the PaymentIntent authorized (amount_capturable)",
			Next: "capture at most amount_capturable, or leave --amount out to capture it all",
		},
	} {
		explanations[code] = x
	}
}
