package model

// tuiNext is the next step of the refusals the TUI's object pane meets
// (capture, cancel, refund, dispute answers, verification, customer
// charges), as it is done there: with its keys, where Next names the
// CLI's flags. Explain fills Explanation.TUI from it when the
// explanation has none of its own and the refusal is Stripe's, not a
// local check's.
var tuiNext = map[string]string{
	"amount_too_large":                      "refund at most what remains: b on the charge or its PaymentIntent opens the form with all that remains filled in",
	"amount_too_large@amount_to_capture":    "capture at most amount_capturable: c opens the form with it filled in",
	"charge_already_refunded":               "nothing to do: the charge's pane shows amount_refunded (r reads it again) and no longer offers b",
	"charge_disputed":                       "answer the dispute instead: enter on the charge's dispute row opens it, then w (winning or losing evidence, or close)",
	"payment_intent_unexpected_state":       "r reads the PaymentIntent again: its pane offers only the keys its status allows; to pay again, use a new token (n, then u)",
	"payment_intent_authentication_failure": "pay again with a new token (n, then u); with a 3D Secure test card, a in the PaymentIntent's pane completes the challenge",
	"bank_account_verification_failed":      "press v again: the deposits start at 32 and 45, the amounts test mode sends",
	"bank_account_unverified":               "verify it first: v in the customer's pane (micro-deposits 32 and 45), then p charges it",
	msgBankVerified:                         "nothing to do: p in the customer's pane charges its verified bank account",
	MsgDisputeDeciding:                      "wait a few seconds: test mode decides the dispute, and its pane shows it won or lost",
	MsgBankVerifyLocked:                     "this bank account can no longer be verified: make a new bank token (n), attach it to a customer (u) and verify that one",
	msgDisputeClosed:                        "nothing to do: r reads the dispute again to show how it ended",
}
