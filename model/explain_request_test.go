package model

import (
	"strings"
	"testing"
)

// The advice follows what was refused: a refund's amount_too_large talks
// of what remains, a capture's of amount_capturable; a token_already_used
// suggests a new token of the same kind; a refusal naming no parameter is
// not told to look at one.
func TestExplainFollowsTheRequest(t *testing.T) {
	for _, c := range []struct {
		name      string
		e         Error
		want, not string
	}{
		{"refund", Error{Type: TypeInvalidRequest, Code: "amount_too_large", Param: "amount",
			Message: "Refund amount ($20.00) is greater than unrefunded amount on charge ($10.00)"}, "refund", "capture"},
		{"capture", Error{Type: TypeInvalidRequest, Code: "amount_too_large", Param: "amount_to_capture"}, "amount_capturable", "refund"},
		{"pii reused", Error{Type: TypeInvalidRequest, Code: CodeTokenAlreadyUsed,
			Message: "You cannot use a Stripe token more than once: pii_123."}, "create pii", "visa"},
		{"account token reused", Error{Type: TypeInvalidRequest, Code: CodeTokenAlreadyUsed,
			Message: "You cannot use a Stripe token more than once: ct_123."}, "create account", "visa"},
		{"card reused", Error{Type: TypeInvalidRequest, Code: CodeTokenAlreadyUsed,
			Message: "You cannot use a Stripe token more than once: tok_123."}, "visa", "pii"},
		{"dispute closed", Error{Type: TypeInvalidRequest, Message: "This dispute is already closed (lost)."}, "already closed", "param"},
		{"bank verified", Error{Type: TypeInvalidRequest, Message: "This bank account has already been verified."}, "already verified", "param"},
		{"dispute deciding", Error{Type: TypeInvalidRequest, Message: MsgDisputeDeciding + "; the issuer decides it shortly."}, "won or lost", "param"},
		{"bank verification locked", Error{Type: TypeInvalidRequest, Code: "bank_account_verification_failed",
			Message: MsgBankVerifyLocked + " (10 attempts with wrong amounts)."}, "new bank token", "--amounts 32,45 again"},
		{"bank amounts wrong", Error{Type: TypeInvalidRequest, Code: "bank_account_verification_failed",
			Message: "The amounts provided do not match the amounts that were sent to the bank account."}, "verify again", "new bank token"},
		{"no param", Error{Type: TypeInvalidRequest, Message: "Something else."}, "message", "param"},
		{"company id number", Error{Type: TypeInvalidRequest, Code: "account_information_mismatch", Param: "individual[id_number]"}, "company", "param names"},
	} {
		e := c.e
		e.Explain()
		text := e.Why + " / " + e.Next
		if !strings.Contains(text, c.want) || strings.Contains(text, c.not) {
			t.Errorf("%s: want %q and not %q in %q", c.name, c.want, c.not, text)
		}
	}
}
