package model

import (
	"strconv"
	"unicode/utf8"
)

// Params of the free-text fields of a token request. Stripe echoes each of
// them back in the Token (card.name, bank_account.account_holder_name, ...),
// so whatever is typed there ends up in state.json.
const (
	ParamCardName    = "card[name]"
	ParamCardZip     = "card[address_zip]"
	ParamHolderName  = "bank_account[account_holder_name]"
	ParamFirstName   = "account[individual][first_name]"
	ParamLastName    = "account[individual][last_name]"
	ParamCompanyName = "account[company][name]"
)

// MaxFreeText is Stripe's limit on a string parameter (a name, a
// description, evidence): 5000 characters. A longer one Stripe refuses;
// refused here, it is neither sent nor printed back whole.
const MaxFreeText = 5000

// ValidateFreeText refuses a card number typed into a free-text field: it
// would be sent, echoed back in the Token and written to disk, where
// tokenscope never keeps a card number. Only card-like runs are refused
// (see LooksLikeCardNumber). The message names the last 4 only. A value
// over MaxFreeText characters is refused too.
func ValidateFreeText(param, value string) *FieldError {
	if utf8.RuneCountInString(value) > MaxFreeText {
		return requestErr("parameter_invalid_string", param, TooLongMessage(value, MaxFreeText))
	}
	last4, ok := LooksLikeCardNumber(value)
	if !ok {
		return nil
	}
	return requestErr("parameter_invalid_string", param,
		"this looks like a card number (ending "+last4+"); card numbers never go in a name or an address: Stripe returns those fields in the token, and tokenscope would store it")
}

// freeText checks each param/value pair with ValidateFreeText.
func freeText(pairs ...string) func() *FieldError {
	return func() *FieldError {
		for i := 0; i+1 < len(pairs); i += 2 {
			if fe := ValidateFreeText(pairs[i], pairs[i+1]); fe != nil {
				return fe
			}
		}
		return nil
	}
}

// TooLongMessage is Stripe's refusal of a string over max characters:
// "Invalid string: <its start>...; must be at most 5000 characters". The
// start quoted is short, and masked as every quote is.
func TooLongMessage(value string, max int) string {
	const quote = 20
	if r := []rune(value); len(r) > quote {
		value = string(r[:quote]) + "..."
	}
	return "Invalid string: " + MaskSecrets(value) + "; must be at most " + strconv.Itoa(max) + " characters"
}
