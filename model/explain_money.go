package model

// moneyExplanations explain the refusals of refunds, disputes, bank
// verification and Connect.
var moneyExplanations = map[string]Explanation{
	"amount_too_large": {
		Why:  "the amount is more than is allowed: Stripe's maximum is 99999999; a refund, more than remains of the charge (its amount less amount_refunded)",
		Next: "give at most what the message says; for a refund, leave --amount out to refund all that remains",
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
	"account_information_mismatch": {
		Why:  "only an individual's account has an individual id number; this account's business_type is company",
		Next: "give the PII token to an individual's account (tokenscope use PII --id-number-for ACCT); the token was not used. A company's representatives take their id numbers as persons of the account: tokenscope use PII --id-number-for person_… (POST /v1/accounts/ACCT/persons/PERSON; tokenscope does not make persons: POST /v1/accounts/ACCT/persons)",
	},
	CodeUseUnsupported: {
		Why:  "each kind of token has its own uses: a card is charged or attached, a bank token attached to a customer, a PII token gives an account its id number, an account token makes an account",
		Next: "use it as the message lists (tokenscope use ID --help shows each flag)",
		TUI:  "press u on it: the menu offers only its uses",
	},
	msgDisputeClosed: {
		Why:  "the dispute is already closed (won, lost or accepted), so it takes no more evidence and cannot be closed again",
		Next: "nothing to do; tokenscope get the dispute to see its status",
	},
	MsgDisputeDeciding: {
		Why:  "the dispute's evidence was submitted: it is under review, and Stripe takes evidence once; test mode decides winning_evidence and losing_evidence a few seconds after the submission",
		Next: "wait a few seconds, then tokenscope get the dispute to see it won or lost",
	},
	MsgBankVerifyLocked: {
		Why:  "the bank account's verification failed too many times (Stripe allows 10 attempts with wrong amounts): its status is verification_failed and it can no longer be verified or debited",
		Next: "make a new bank token and attach it to a customer (tokenscope create bank, then tokenscope use BTOK --customer), then verify that bank account with --amounts 32,45",
	},
	msgBankVerified: {
		Why:  "the bank account was already verified with its micro-deposits; it verifies once",
		Next: "nothing to do: the customer's verified bank account can be debited now",
	},
	"bank_account_unverified": {
		Why:  "a bank account must be verified before it can be debited (ACH): a bank token, and a customer's new bank account, are unverified",
		Next: "attach the bank token to a customer (use --customer), verify it (tokenscope verify CUS BA --amounts 32,45), then charge the customer",
	},
}

// Messages of refusals Stripe sends with no code: they are explained by
// their message (Error.explainKey), not by the type's generic advice about
// a parameter, since no parameter is wrong.
const (
	msgDisputeClosed = "This dispute is already closed"
	msgBankVerified  = "This bank account has already been verified"
)

// MsgDisputeDeciding begins the refusal of evidence or a close of a
// dispute whose submitted test evidence is being decided (no code).
const MsgDisputeDeciding = "This dispute's evidence has been submitted and is under review"

// MsgBankVerifyLocked begins the refusal of a verification of a bank
// account that failed too many times (code bank_account_verification_failed,
// as a wrong amount's): explained by it, since verifying again cannot help.
const MsgBankVerifyLocked = "This bank account can no longer be verified: its verification failed too many times"

func init() {
	for code, x := range moneyExplanations {
		if _, ok := explanations[code]; !ok {
			explanations[code] = x
		}
	}
}
