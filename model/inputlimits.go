package model

// How many characters a form field takes as typed (Input.MaxLen). A
// field without a limit took a 20,000-character paste whole, and every
// keystroke after it worked on all of it: a guest of tokenscope serve
// froze its session and burned the server's CPU for half a minute. A
// value of a fixed format gets its longest form and the separators people
// type in it; anything else Stripe's limit on a string, MaxFreeText.
const (
	// maxCardNumberLen: 19 digits, the longest card number, in groups of
	// four (as GroupCard shows it).
	maxCardNumberLen = 19 + 4
	// maxExpiryLen: "MM / YYYY".
	maxExpiryLen = 9
	// maxCVCLen: American Express's 4 digits.
	maxCVCLen = 4
	// maxRoutingLen: a US routing number's 9 digits and two separators.
	maxRoutingLen = 11
	// maxAccountNumberLen: an IBAN's 34 characters, the longest account
	// number, in groups of four.
	maxAccountNumberLen = 34 + 8
	// maxIDNumberLen: 000-00-0000.
	maxIDNumberLen = 11
	// maxCountryLen: ISO 3166-1 alpha-2.
	maxCountryLen = 2
	// MaxCurrencyLen: ISO 4217.
	MaxCurrencyLen = 3
	// MaxAmountLen bounds an amount typed in a form: the 19 digits of the
	// largest int64, so that a larger one is read and refused as too
	// large (amount_too_large), not cut into another.
	MaxAmountLen = 19
	// MaxObjectIDLen bounds an id typed by hand (acct_…, tok_…), as
	// ValidateTokenID does.
	MaxObjectIDLen = maxTokenIDLen
)

// Limit is the most characters the input's form field takes: MaxLen, or
// Stripe's limit on a string.
func (in Input) Limit() int {
	if in.MaxLen > 0 {
		return in.MaxLen
	}
	return MaxFreeText
}
