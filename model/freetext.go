package model

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

// ValidateFreeText refuses a card number typed into a free-text field: it
// would be sent, echoed back in the Token and written to disk, where
// tokenscope never keeps a card number. Only card-like runs are refused
// (see LooksLikeCardNumber). The message names the last 4 only.
func ValidateFreeText(param, value string) *FieldError {
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
