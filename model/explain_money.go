package model

// moneyExplanations explain the refusals of refunds, disputes, bank
// verification and Connect.
var moneyExplanations = map[string]Explanation{
	"amount_too_large": {
		Why:  "the amount is more than is allowed: Stripe's maximum is 99999999; a refund, more than remains of the charge (its amount less amount_refunded); a capture, more than the PaymentIntent authorized (amount_capturable)",
		Next: "give at most what the message says; for a refund or a capture, leave --amount out to take all there is",
	},
	"charge_already_refunded": {
		Why:  "the charge was already refunded in full (refunded: true), so nothing remains to refund",
		Next: "nothing to do; tokenscope get the charge to see amount_refunded",
	},
	"charge_disputed": {
		Why:  "the charge is disputed (a chargeback): the disputed money is already on its way back to the cardholder, so it cannot also be refunded",
		Next: "answer the dispute instead: evidence winning_evidence or losing_evidence in test mode, or close it to accept the loss",
	},
	"bank_account_verification_failed": {
		Why:  "the amounts are not the two micro-deposits Stripe sent; in test mode they are always 32 and 45 cents",
		Next: "verify again with --amounts 32,45",
	},
	"bank_account_unverified": {
		Why:  "a bank account must be verified before it can be debited (ACH): a bank token, and a customer's new bank account, are unverified",
		Next: "attach the bank token to a customer (use --customer), verify it (tokenscope verify CUS BA --amounts 32,45), then charge the customer",
	},
}

func init() {
	for code, x := range moneyExplanations {
		if _, ok := explanations[code]; !ok {
			explanations[code] = x
		}
	}
}
