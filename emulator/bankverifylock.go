package emulator

import (
	"net/http"
	"strconv"

	"github.com/tokenscope/tokenscope/model"
)

// A bank account's micro-deposit verification locks out: Stripe's legacy
// ACH guide limits a bank account to 10 failed verification attempts,
// after which it cannot be verified, and its status says
// verification_failed ("If the verification failed for any reason, such
// as microdeposit failure, the status will be verification_failed",
// Stripe's bank account reference). Its error code says the same for
// both: bank_account_verification_failed ("the microdeposit amounts
// provided do not match the actual amounts, or ... verification has
// failed too many times"). A CI suite can so test its lock-out path.

// verifyAttempts is how many failed verifications a bank account takes.
const verifyAttempts = 10

// statusVerificationFailed is Stripe's status of a bank account that can
// no longer be verified.
const statusVerificationFailed = "verification_failed"

// failVerification counts a verification of b with wrong amounts: the
// one that reaches verifyAttempts fails b for good.
func failVerification(b *bankRec) {
	b.FailedVerifications++
	if b.FailedVerifications >= verifyAttempts {
		b.Status = statusVerificationFailed
	}
}

// verificationFailed is the refusal of a verification, with Stripe's
// code and HTTP status: the amounts were wrong, or (locked) b can no
// longer be verified, whatever the amounts.
func verificationFailed(locked bool) *model.Error {
	msg := "The amounts provided do not match the amounts that were sent to the bank account."
	if locked {
		msg = model.MsgBankVerifyLocked + " (" + strconv.Itoa(verifyAttempts) + " attempts with wrong amounts); its status is verification_failed. Attach the bank account again, from a new bank token, to verify it."
	}
	e := invalid("bank_account_verification_failed", "", msg)
	e.HTTPStatus = http.StatusPaymentRequired
	return e
}
