package model

import (
	"strings"
)

// Outcome is what Stripe's test mode does with a piece of test data when it
// is used. The zero value means "succeeds".
type Outcome struct {
	// Code and DeclineCode are the error a charge gets ("card_declined",
	// "insufficient_funds"); empty when the charge succeeds.
	Code        string
	DeclineCode string
	// Message is Stripe's own error message for the decline.
	Message string
	// NoAttach: the card cannot be attached to a customer (issuer declines).
	NoAttach bool
	// Risk is the Radar risk level of a charge: normal, elevated, highest.
	Risk string
	// Blocked: Radar blocks the charge (outcome type "blocked").
	Blocked bool
	// CVCCheck, ZipCheck and Line1Check are the card's check results.
	CVCCheck, ZipCheck, Line1Check string
}

// Declines reports whether a charge fails.
func (o Outcome) Declines() bool { return o.Code != "" }

// CardPreset is one of Stripe's test cards.
type CardPreset struct {
	Name       string // stable, lower case: visa, insufficient_funds
	Number     string
	Brand      string // as Stripe spells it: Visa, MasterCard, American Express
	Funding    string // credit, debit, prepaid
	Country    string
	MagicToken string // tok_visa, … ("" when Stripe has none)
	Outcome    Outcome
	// Expect is the outcome in a few words for pickers and plans.
	Expect string
	// Explain says what the card simulates and what a real customer sees.
	Explain string
	// TokenizeCode is the error tokenization itself fails with (incorrect_number).
	TokenizeCode string
}

// BankPreset is one of Stripe's US test bank accounts.
type BankPreset struct {
	Name          string
	RoutingNumber string
	AccountNumber string
	Expect        string
	Explain       string
	// Code is the ACH failure code a debit from this account ends with.
	Code string
}

// IDPreset is one of Stripe's test identity numbers.
type IDPreset struct {
	Name     string
	IDNumber string
	Expect   string
}

const (
	msgDeclined = "Your card was declined."
	// TestRouting is the routing number of Stripe's test bank.
	TestRouting = "110000000"
	// TestBankName is the bank_name Stripe reports for TestRouting.
	TestBankName = "STRIPE TEST BANK"
)

// Cards is the catalog of Stripe's test cards, in the order of Stripe's docs.
var Cards = withExpects([]CardPreset{
	{Name: "visa", Number: "4242424242424242", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_visa", Expect: "charges succeed"},
	{Name: "visa_debit", Number: "4000056655665556", Brand: "Visa", Funding: "debit", Country: "US", MagicToken: "tok_visa_debit", Expect: "charges succeed"},
	{Name: "mastercard", Number: "5555555555554444", Brand: "MasterCard", Funding: "credit", Country: "US", MagicToken: "tok_mastercard", Expect: "charges succeed"},
	{Name: "mastercard_2series", Number: "2223003122003222", Brand: "MasterCard", Funding: "credit", Country: "US", Expect: "charges succeed"},
	{Name: "mastercard_debit", Number: "5200828282828210", Brand: "MasterCard", Funding: "debit", Country: "US", MagicToken: "tok_mastercard_debit", Expect: "charges succeed"},
	{Name: "mastercard_prepaid", Number: "5105105105105100", Brand: "MasterCard", Funding: "prepaid", Country: "US", MagicToken: "tok_mastercard_prepaid", Expect: "charges succeed"},
	{Name: "amex", Number: "378282246310005", Brand: "American Express", Funding: "credit", Country: "US", MagicToken: "tok_amex", Expect: "charges succeed"},
	{Name: "amex_2", Number: "371449635398431", Brand: "American Express", Funding: "credit", Country: "US", Expect: "charges succeed"},
	{Name: "discover", Number: "6011111111111117", Brand: "Discover", Funding: "credit", Country: "US", MagicToken: "tok_discover", Expect: "charges succeed"},
	{Name: "diners", Number: "3056930009020004", Brand: "Diners Club", Funding: "credit", Country: "US", MagicToken: "tok_diners", Expect: "charges succeed"},
	{Name: "jcb", Number: "3566002020360505", Brand: "JCB", Funding: "credit", Country: "JP", MagicToken: "tok_jcb", Expect: "charges succeed"},
	{Name: "unionpay", Number: "6200000000000005", Brand: "UnionPay", Funding: "credit", Country: "CN", MagicToken: "tok_unionpay", Expect: "charges succeed"},

	{Name: "generic_decline", Number: "4000000000000002", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_visa_chargeDeclined",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "generic_decline", Message: msgDeclined, NoAttach: true},
		Explain: "4000000000000002 simulates an issuer that declines without saying why. A real customer sees \"Your card was declined\" and should contact their bank or use another card."},
	{Name: "insufficient_funds", Number: "4000000000009995", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_visa_chargeDeclinedInsufficientFunds",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "insufficient_funds", Message: "Your card has insufficient funds.", NoAttach: true},
		Explain: "4000000000009995 simulates a card without enough funds. A real customer sees \"Your card has insufficient funds\" and must use another card."},
	{Name: "lost_card", Number: "4000000000009987", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_visa_chargeDeclinedLostCard",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "lost_card", Message: msgDeclined, NoAttach: true},
		Explain: "4000000000009987 simulates a card reported lost. A real customer sees only \"Your card was declined\" (the reason is hidden from a possible fraudster)."},
	{Name: "stolen_card", Number: "4000000000009979", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_visa_chargeDeclinedStolenCard",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "stolen_card", Message: msgDeclined, NoAttach: true},
		Explain: "4000000000009979 simulates a card reported stolen. A real customer sees only \"Your card was declined\" (the reason is hidden from a possible fraudster)."},
	{Name: "expired_card", Number: "4000000000000069", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_chargeDeclinedExpiredCard",
		Outcome: Outcome{Code: "expired_card", DeclineCode: "expired_card", Message: "Your card has expired.", NoAttach: true},
		Explain: "4000000000000069 simulates an expired card, whatever expiry date was entered. A real customer sees \"Your card has expired\" and must use another card."},
	{Name: "incorrect_cvc", Number: "4000000000000127", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_chargeDeclinedIncorrectCvc",
		Outcome: Outcome{Code: "incorrect_cvc", DeclineCode: "incorrect_cvc", Message: "Your card's security code is incorrect.", NoAttach: true, CVCCheck: "fail"},
		Explain: "4000000000000127 simulates a wrong security code. A real customer sees \"Your card's security code is incorrect\" and can retry with the right CVC."},
	{Name: "processing_error", Number: "4000000000000119", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_chargeDeclinedProcessingError",
		Outcome: Outcome{Code: "processing_error", DeclineCode: "processing_error", Message: "An error occurred while processing your card. Try again in a little bit.", NoAttach: true},
		Explain: "4000000000000119 simulates a processing error at the issuer. A real customer sees \"An error occurred while processing your card\" and can try again later."},
	{Name: "card_velocity_exceeded", Number: "4000000000006975", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "card_velocity_exceeded", Message: "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.", NoAttach: true},
		Explain: "4000000000006975 simulates a card over its velocity or amount limit. A real customer is told they made too many attempts and should wait or use another card."},
	{Name: "customer_charge_fail", Number: "4000000000000341", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_chargeCustomerFail",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "generic_decline", Message: msgDeclined},
		Expect:  "attaches to a customer, then every charge fails: card_declined / generic_decline",
		Explain: "4000000000000341 attaches to a customer but every charge on it fails, as a saved card that later starts declining. A real customer sees \"Your card was declined\"."},
	{Name: "incorrect_number", Number: "4242424242424241", Brand: "Visa", Funding: "credit", Country: "US", TokenizeCode: "incorrect_number",
		Expect:  "fails at tokenization: incorrect_number (Luhn check)",
		Explain: "4242424242424241 fails the Luhn check, so Stripe refuses it before any token exists. A real customer sees \"Your card number is incorrect\"."},

	{Name: "radar_block", Number: "4100000000000019", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_radarBlock",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "fraudulent", Message: msgDeclined, Risk: "highest", Blocked: true},
		Expect:  "always blocked by Radar: card_declined / fraudulent",
		Explain: "4100000000000019 is always blocked by Radar as fraudulent. A real customer sees only \"Your card was declined\"."},
	{Name: "highest_risk", Number: "4000000000004954", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "fraudulent", Message: msgDeclined, Risk: "highest", Blocked: true},
		Expect:  "risk level highest: blocked by Radar's default rules",
		Explain: "4000000000004954 gets Radar's highest risk level, which the default rules block. A real customer sees only \"Your card was declined\"."},
	{Name: "elevated_risk", Number: "4000000000009235", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Risk: "elevated"},
		Expect:  "succeeds with risk level elevated (review it in Radar)"},
	{Name: "cvc_check_fail", Number: "4000000000000101", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "incorrect_cvc", DeclineCode: "incorrect_cvc", Message: "Your card's security code is incorrect.", CVCCheck: "fail"},
		Expect:  "cvc_check fails: declined as incorrect_cvc when a CVC is given",
		Explain: "4000000000000101 fails the CVC check; Radar's default rule declines charges whose CVC check fails. A real customer is asked to check the security code."},
	{Name: "zip_check_fail", Number: "4000000000000036", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{ZipCheck: "fail"}, Expect: "succeeds; address_zip_check fails"},
	{Name: "address_check_fail", Number: "4000000000000010", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{ZipCheck: "fail", Line1Check: "fail"}, Expect: "succeeds; address_line1_check and address_zip_check fail"},
	{Name: "line1_check_fail", Number: "4000000000000028", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Line1Check: "fail", ZipCheck: "pass"}, Expect: "succeeds; address_line1_check fails"},
	{Name: "address_unavailable", Number: "4000000000000044", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{ZipCheck: "unavailable", Line1Check: "unavailable"}, Expect: "succeeds; address checks unavailable"},

	{Name: "threeds_setup", Number: "4000002500003155", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: "Your card was declined. This transaction requires authentication."},
		Expect:  "3D Secure unless set up: card_declined / authentication_required on a plain charge",
		Explain: "4000002500003155 needs 3D Secure authentication for one-off payments; the Charges API cannot authenticate, so the charge is declined. A real customer would be asked to authenticate."},
	{Name: "threeds_always", Number: "4000002760003184", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: "Your card was declined. This transaction requires authentication."},
		Expect:  "3D Secure on every payment: card_declined / authentication_required",
		Explain: "4000002760003184 needs 3D Secure on every payment; the Charges API cannot authenticate, so the charge is declined. A real customer would be asked to authenticate."},
	{Name: "threeds_required", Number: "4000000000003220", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: "Your card was declined. This transaction requires authentication."},
		Expect:  "3D Secure required: card_declined / authentication_required",
		Explain: "4000000000003220 requires 3D Secure 2; the Charges API cannot authenticate, so the charge is declined. A real customer would be asked to authenticate."},
	{Name: "threeds_declined", Number: "4000008400001629", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: "Your card was declined. This transaction requires authentication."},
		Expect:  "3D Secure required, then declined: card_declined / authentication_required",
		Explain: "4000008400001629 requires 3D Secure and is declined even after authentication. A real customer sees \"Your card was declined\"."},
	{Name: "threeds_supported", Number: "4000000000003055", Brand: "Visa", Funding: "credit", Country: "US", Expect: "3D Secure supported, not required: charges succeed"},
})

// Banks is the catalog of Stripe's US test bank accounts.
var Banks = []BankPreset{
	{Name: "bank_ok", RoutingNumber: TestRouting, AccountNumber: "000123456789", Expect: "debits succeed"},
	{Name: "bank_account_closed", RoutingNumber: TestRouting, AccountNumber: "000111111113", Code: "account_closed", Expect: "debits fail: account_closed",
		Explain: "000111111113 simulates a closed account: the token and customer work, debits fail with account_closed."},
	{Name: "bank_no_account", RoutingNumber: TestRouting, AccountNumber: "000111111116", Code: "no_account", Expect: "debits fail: no_account",
		Explain: "000111111116 simulates an account that does not exist: debits fail with no_account."},
	{Name: "bank_insufficient_funds", RoutingNumber: TestRouting, AccountNumber: "000222222227", Code: "insufficient_funds", Expect: "debits fail: insufficient_funds",
		Explain: "000222222227 simulates an account without enough funds: debits fail with insufficient_funds."},
	{Name: "bank_debit_not_authorized", RoutingNumber: TestRouting, AccountNumber: "000333333335", Code: "debit_not_authorized", Expect: "debits fail: debit_not_authorized",
		Explain: "000333333335 simulates a customer disputing the debit: debits fail with debit_not_authorized."},
	{Name: "bank_invalid_currency", RoutingNumber: TestRouting, AccountNumber: "000444444440", Code: "invalid_currency", Expect: "debits fail: invalid_currency",
		Explain: "000444444440 simulates an account that cannot take the currency: debits fail with invalid_currency."},
	{Name: "bank_processing", RoutingNumber: TestRouting, AccountNumber: "000000000009", Expect: "debits stay processing",
		Explain: "000000000009 keeps every debit in processing, to test waiting states."},
}

// IDNumbers is the catalog of Stripe's test identity numbers.
var IDNumbers = []IDPreset{
	{Name: "id_match", IDNumber: "000000000", Expect: "verification matches"},
	{Name: "id_mismatch", IDNumber: "111111111", Expect: "verification does not match"},
	{Name: "id_match_immediately", IDNumber: "222222222", Expect: "verification matches immediately"},
}

// MagicTokens maps each of Stripe's magic test tokens to its card. Stripe
// also accepts tok_chargeDeclined, the older name of tok_visa_chargeDeclined.
var MagicTokens = func() map[string]*CardPreset {
	m := map[string]*CardPreset{}
	for i := range Cards {
		if Cards[i].MagicToken != "" {
			m[Cards[i].MagicToken] = &Cards[i]
		}
	}
	m["tok_chargeDeclined"] = m["tok_visa_chargeDeclined"]
	return m
}()

var (
	cardsByName   = index(Cards, func(c *CardPreset) string { return c.Name })
	cardsByNumber = index(Cards, func(c *CardPreset) string { return c.Number })
	banksByName   = index(Banks, func(b *BankPreset) string { return b.Name })
	banksByNumber = index(Banks, func(b *BankPreset) string { return b.AccountNumber })
	idsByName     = index(IDNumbers, func(p *IDPreset) string { return p.Name })
	idsByNumber   = index(IDNumbers, func(p *IDPreset) string { return p.IDNumber })
)

func index[T any](list []T, key func(*T) string) map[string]*T {
	m := make(map[string]*T, len(list))
	for i := range list {
		m[key(&list[i])] = &list[i]
	}
	return m
}

// withExpects fills in what a card's preset picker and plans say of it
// when the catalog entry does not: its outcome in words.
func withExpects(cards []CardPreset) []CardPreset {
	for i := range cards {
		c := &cards[i]
		if c.Expect == "" {
			if c.Outcome.Declines() {
				c.Expect = "declines when charged: " + c.Outcome.Codes()
			} else {
				c.Expect = "charges succeed"
			}
		}
		if c.Explain == "" {
			c.Explain = c.Number + ": " + c.Expect + "."
		}
	}
	return cards
}

// CardByName finds a test card by preset name.
func CardByName(name string) (*CardPreset, bool) {
	c, ok := cardsByName[strings.ToLower(name)]
	return c, ok
}

// CardByNumber finds a test card by its number (digits only).
func CardByNumber(number string) (*CardPreset, bool) {
	c, ok := cardsByNumber[Digits(number)]
	return c, ok
}

// BankByName finds a test bank account by preset name.
func BankByName(name string) (*BankPreset, bool) {
	b, ok := banksByName[strings.ToLower(name)]
	return b, ok
}

// BankByAccount finds a test bank account by its account number.
func BankByAccount(number string) (*BankPreset, bool) {
	b, ok := banksByNumber[number]
	return b, ok
}

// IDByName finds a test identity number by preset name.
func IDByName(name string) (*IDPreset, bool) {
	p, ok := idsByName[strings.ToLower(name)]
	return p, ok
}

// IDByNumber finds a test identity number by the number (digits only).
func IDByNumber(number string) (*IDPreset, bool) {
	p, ok := idsByNumber[Digits(number)]
	return p, ok
}

// Digits strips spaces and dashes that people type inside card numbers.
func Digits(s string) string { return digitJoiners.Replace(s) }

// digitJoiners is built once: a Replacer builds its tables on first use,
// which cost more than the replacing on every card the emulator tokenized.
var digitJoiners = strings.NewReplacer(" ", "", "-", "")
