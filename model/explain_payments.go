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
		"setup_intent_authentication_failure": {
			Why:  "the customer failed (or abandoned) the 3D Secure challenge, so the SetupIntent went back to requires_payment_method and the card was not saved",
			Next: "confirm it again with a new PaymentMethod; with a test card, tokenscope authenticate SETI completes the challenge",
			TUI:  "save a new token of the card with a SetupIntent (n, then u) and complete its challenge with a",
		},
		msgPMSpent: {
			Why:  "a PaymentMethod attached to no customer pays once, and one detached from its customer is done with: Stripe keeps it, but it cannot be used or attached again",
			Next: "make a new PaymentMethod of a new card token (tokenscope use TOKEN --payment-method) and attach it to a customer before paying, to use it more than once",
			TUI:  "make a new PaymentMethod of a new token (n, then u), and attach it to a customer to use it more than once",
		},
		"amount_too_large@amount_to_capture": {
			Why:  "the capture asks for more than the PaymentIntent authorized (amount_capturable)",
			Next: "capture at most amount_capturable, or leave --amount out to capture it all",
		},
	} {
		explanations[code] = x
	}
}

// The starts of Stripe's messages, sent without a code, for a
// PaymentMethod that was used without a customer or detached: used with
// a PaymentIntent, and attached again.
const (
	msgPMSpent       = "The provided PaymentMethod was previously used"
	msgPMSpentAttach = "This PaymentMethod was previously used"
)
