package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// FieldError is a local check failing the way Stripe's test mode would: the
// same type, code and param, so the UI and the CLI explain a local refusal
// and a remote one alike (AsError gives the Error it stands for). Message
// names the problem, never the value: it must not carry a card number, a
// CVC or an id number.
type FieldError struct {
	Type, Code, Param, Message string
}

// Error reads "number: incorrect_number, the card number fails the Luhn check".
func (e *FieldError) Error() string {
	// A message that names its param already (ParseAmount's, whose CLI
	// first line needs it) does not name it twice.
	return e.Param + ": " + e.Code + ", " + strings.TrimPrefix(e.Message, e.Param+": ")
}

func cardErr(code, param, msg string) *FieldError {
	return &FieldError{Type: TypeCardError, Code: code, Param: param, Message: msg}
}

func requestErr(code, param, msg string) *FieldError {
	return &FieldError{Type: TypeInvalidRequest, Code: code, Param: param, Message: msg}
}

// missing is Stripe's answer to a required parameter left empty.
func missing(param, what string) *FieldError {
	return requestErr("parameter_missing", param, what+" is required")
}

// Params of the token create request, as Stripe reports them in errors.
const (
	ParamNumber        = "number"
	ParamExpMonth      = "exp_month"
	ParamExpYear       = "exp_year"
	ParamCVC           = "cvc"
	ParamRouting       = "bank_account[routing_number]"
	ParamAccountNumber = "bank_account[account_number]"
	ParamCountry       = "bank_account[country]"
	ParamHolderType    = "bank_account[account_holder_type]"
	ParamIDNumber      = "pii[id_number]"
	ParamBusinessType  = "account[business_type]"
	ParamCurrency      = "currency"
	ParamAmount        = "amount"
	ParamSource        = "source"
)

// MaxExpiryYears is how far ahead an expiry year may lie.
const MaxExpiryYears = 50

// isDigits reports whether s is non-empty and all ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Luhn reports whether an all-digit string passes the Luhn (mod 10) check
// every card number carries.
func Luhn(digits string) bool {
	if !isDigits(digits) {
		return false
	}
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// ValidateNumber checks a card number as typed (spaces and dashes allowed):
// digits, a length its brand allows, the Luhn check, and, unless allowAny,
// that it is one of Stripe's test cards. Test mode declines real cards
// (test_mode_live_card), so refusing them locally saves a request and keeps
// real numbers off the wire.
func ValidateNumber(number string, allowAny bool) *FieldError {
	d := Digits(number)
	if d == "" {
		return missing(ParamNumber, "the card number")
	}
	if !isDigits(d) {
		return cardErr("invalid_number", ParamNumber, "the card number must contain only digits")
	}
	if msg := lengthProblem(d); msg != "" {
		return cardErr("invalid_number", ParamNumber, msg)
	}
	if !Luhn(d) {
		return cardErr("incorrect_number", ParamNumber, "the card number fails the Luhn check")
	}
	if _, ok := CardByNumber(d); !ok && !allowAny {
		return cardErr("test_mode_live_card", ParamNumber,
			"only Stripe's test cards are accepted in test mode (this one ends "+Last4(d)+")")
	}
	return nil
}

// ParseExpiry reads an expiry as typed: "12/34", "12/2034", "1/34", with
// optional spaces around the slash, or as the four digits printed on a
// card, "1234" (MMYY). It checks the form and the month; the date itself
// is checked by ValidateExpiry.
func ParseExpiry(s string) (month, year int, err *FieldError) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, missing(ParamExpMonth, "the expiry date")
	}
	if len(s) == 4 && isDigits(s) {
		s = s[:2] + "/" + s[2:]
	}
	ms, ys, ok := strings.Cut(s, "/")
	ms, ys = strings.TrimSpace(ms), strings.TrimSpace(ys)
	if !ok && !isDigits(ms) {
		// 12-30, 12.30: the month may be right, the separator is not.
		return 0, 0, cardErr("invalid_expiry_month", ParamExpMonth, "the expiry is written as MM/YY, with a slash, as in 12/34 (or MMYY, 1234)")
	}
	if len(ms) < 1 || len(ms) > 2 || !isDigits(ms) {
		return 0, 0, cardErr("invalid_expiry_month", ParamExpMonth, "the expiry month must be 1 to 12, written as MM/YY")
	}
	month, _ = strconv.Atoi(ms)
	if fe := ValidateExpMonth(month); fe != nil {
		return 0, 0, fe
	}
	if !ok || (len(ys) != 2 && len(ys) != 4) || !isDigits(ys) {
		return 0, 0, cardErr("invalid_expiry_year", ParamExpYear, "the expiry year must be written as YY or YYYY, as in 12/34")
	}
	year, _ = strconv.Atoi(ys)
	if len(ys) == 2 {
		year += 2000
	}
	return month, year, nil
}

// ValidateExpMonth checks a month is 1 to 12.
func ValidateExpMonth(m int) *FieldError {
	if m < 1 || m > 12 {
		return cardErr("invalid_expiry_month", ParamExpMonth, "the expiry month must be 1 to 12")
	}
	return nil
}

// ValidateExpYear checks a four-digit year is neither past nor more than
// MaxExpiryYears ahead of now.
func ValidateExpYear(y int, now time.Time) *FieldError {
	switch {
	case y < now.Year():
		return cardErr("invalid_expiry_year", ParamExpYear, "the expiry year is in the past")
	case y > now.Year()+MaxExpiryYears:
		return cardErr("invalid_expiry_year", ParamExpYear, fmt.Sprintf("the expiry year is more than %d years ahead", MaxExpiryYears))
	}
	return nil
}

// ValidateExpiry checks month and year together. A month already over in
// the current year is blamed on the month (invalid_expiry_month), as Stripe
// does: the year on its own is fine.
func ValidateExpiry(month, year int, now time.Time) *FieldError {
	if fe := ValidateExpMonth(month); fe != nil {
		return fe
	}
	if fe := ValidateExpYear(year, now); fe != nil {
		return fe
	}
	if year == now.Year() && month < int(now.Month()) {
		return cardErr("invalid_expiry_month", ParamExpMonth, "the expiry month has already passed this year")
	}
	return nil
}

// ValidateCVC checks a security code against the card it belongs to: four
// digits for American Express, three for every other brand. An empty CVC
// passes: Stripe treats it as optional (cvc_check is then null).
func ValidateCVC(cvc, number string) *FieldError {
	if cvc == "" {
		return nil
	}
	want := 3
	if Brand(Digits(number)) == BrandAmex {
		want = 4
	}
	if len(cvc) != want || !isDigits(cvc) {
		return cardErr("invalid_cvc", ParamCVC, fmt.Sprintf("the security code must be %d digits for this card", want))
	}
	return nil
}

// ValidateRouting checks a US (ABA) routing number: nine digits whose
// weighted sum (weights 3, 7, 1) is a multiple of ten.
func ValidateRouting(r string) *FieldError {
	if r == "" {
		return missing(ParamRouting, "the routing number")
	}
	if len(r) != 9 || !isDigits(r) {
		return requestErr("routing_number_invalid", ParamRouting, "a US routing number has exactly 9 digits")
	}
	weights := [3]int{3, 7, 1}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(r[i]-'0') * weights[i%3]
	}
	if sum%10 != 0 {
		return requestErr("routing_number_invalid", ParamRouting, "the routing number fails the ABA checksum")
	}
	return nil
}

// ValidateAccountNumber checks a US bank account number: 4 to 17 digits.
func ValidateAccountNumber(a string) *FieldError {
	if a == "" {
		return missing(ParamAccountNumber, "the account number")
	}
	if len(a) < 4 || len(a) > 17 || !isDigits(a) {
		return requestErr("account_number_invalid", ParamAccountNumber, "a US account number has 4 to 17 digits")
	}
	return nil
}

// ValidateCountry checks an ISO 3166-1 alpha-2 country code ("US"), using
// the CLDR region data of golang.org/x/text rather than a list of our own.
func ValidateCountry(c string) *FieldError {
	if c == "" {
		return missing(ParamCountry, "the country")
	}
	r, err := language.ParseRegion(c)
	if len(c) != 2 || err != nil || !r.IsCountry() || r.ISO3() == "ZZZ" {
		return requestErr("country_code_invalid", ParamCountry, "the country must be an ISO 3166-1 two-letter code, such as US")
	}
	return nil
}

// ValidateCurrency checks an ISO 4217 currency code ("usd"), using the
// currency data of golang.org/x/text. Stripe answers an unknown currency
// with no code of its own; currency_invalid follows its <field>_invalid
// pattern (routing_number_invalid, country_code_invalid).
func ValidateCurrency(c string) *FieldError {
	if c == "" {
		return missing(ParamCurrency, "the currency")
	}
	u, err := currency.ParseISO(c)
	if err != nil || u == currency.XXX || u == currency.XTS {
		return requestErr("currency_invalid", ParamCurrency, "the currency must be an ISO 4217 three-letter code, such as usd")
	}
	return nil
}

// ValidateIDNumber checks a US taxpayer id (SSN or ITIN): nine digits,
// dashes allowed.
func ValidateIDNumber(n string) *FieldError {
	d := Digits(n)
	if d == "" {
		return missing(ParamIDNumber, "the id number")
	}
	if len(d) != 9 || !isDigits(d) {
		return requestErr("id_number_invalid", ParamIDNumber, "a US id number has exactly 9 digits")
	}
	return nil
}

// ValidateHolderType checks a bank account's holder type; empty is allowed
// (Stripe treats it as optional).
func ValidateHolderType(t string) *FieldError {
	if t == "" || t == "individual" || t == "company" {
		return nil
	}
	return requestErr("account_holder_type_invalid", ParamHolderType, "the holder type must be individual or company")
}

// ValidateBusinessType checks an account token's business type, which
// tokenscope requires.
func ValidateBusinessType(t string) *FieldError {
	switch t {
	case "individual", "company":
		return nil
	case "":
		return missing(ParamBusinessType, "the business type")
	}
	return requestErr("business_type_invalid", ParamBusinessType, "the business type must be individual or company")
}

// maxAmount is Stripe's largest charge amount: eight digits.
const maxAmount = 99_999_999

// minAmounts are Stripe's minimum charge amounts in the smallest currency
// unit, from its "minimum and maximum charge amounts" table; other
// currencies need only a positive amount here.
var minAmounts = map[string]int64{
	"usd": 50, "aed": 200, "aud": 50, "bgn": 100, "brl": 50, "cad": 50,
	"chf": 50, "czk": 1500, "dkk": 250, "eur": 50, "gbp": 30, "hkd": 400,
	"huf": 17500, "inr": 50, "jpy": 50, "mxn": 1000, "myr": 200, "nok": 300,
	"nzd": 50, "pln": 200, "ron": 200, "sek": 300, "sgd": 50, "thb": 1000,
}

// ValidateAmount checks a charge amount (smallest currency unit) against
// Stripe's limits for the currency, refusing it in Stripe's words.
func ValidateAmount(amount int64, cur string) *FieldError {
	cur = strings.ToLower(cur)
	if amount <= 0 {
		return requestErr("parameter_invalid_integer", ParamAmount, "This value must be greater than or equal to 1.")
	}
	if amount > maxAmount {
		return requestErr("amount_too_large", ParamAmount, "Amount must be no more than "+MoneyText(maxAmount, cur))
	}
	if min, ok := minAmounts[cur]; ok && amount < min {
		// Stripe's words: "Amount must be at least $0.50 usd".
		return requestErr("amount_too_small", ParamAmount, "Amount must be at least "+strings.TrimSuffix(MoneyText(min, cur), " "+strings.ToUpper(cur))+" "+cur)
	}
	return nil
}

// decimal writes an amount in smallest units as the currency writes it:
// 50 usd -> "0.50", 50 jpy -> "50".
func decimal(amount int64, cur string) string {
	scale := 2
	if u, err := currency.ParseISO(cur); err == nil {
		scale, _ = currency.Standard.Rounding(u)
	}
	if amount < 0 { // a balance transaction's net, a refund's amount
		return "-" + decimal(-amount, cur)
	}
	s := strconv.FormatInt(amount, 10)
	if scale == 0 {
		return s
	}
	if len(s) <= scale {
		s = strings.Repeat("0", scale-len(s)+1) + s
	}
	return s[:len(s)-scale] + "." + s[len(s)-scale:]
}

// Validate checks a whole token request the way Stripe would, returning the
// first problem as a *FieldError (nil when the request is fine).
func Validate(req TokenRequest, now time.Time) error {
	if fe := validateRequest(req, now); fe != nil {
		return fe
	}
	return nil
}

func validateRequest(req TokenRequest, now time.Time) *FieldError {
	if s, ok := SpecOf(req.Kind); ok && s.Create != nil {
		return s.Create.Validate(req, now)
	}
	var names []string
	for _, s := range Creatable() {
		names = append(names, string(s.Kind))
	}
	last := len(names) - 1
	return requestErr("parameter_unknown", "type", "the token type must be "+strings.Join(names[:last], ", ")+" or "+names[last])
}

func validateCard(c *CardInput, allowAny bool, now time.Time) *FieldError {
	return first(
		func() *FieldError { return ValidateNumber(c.Number, allowAny) },
		func() *FieldError {
			if c.ExpMonth == 0 && c.ExpYear == 0 {
				return missing(ParamExpMonth, "the expiry date") // not "must be 1 to 12"
			}
			return ValidateExpiry(c.ExpMonth, c.ExpYear, now)
		},
		func() *FieldError { return ValidateCVC(c.CVC, c.Number) },
		freeText(ParamCardName, c.Name, ParamCardZip, c.Zip),
	)
}

// validateBank applies the US formats only to US accounts: elsewhere the
// account number is an IBAN or a local format Stripe checks itself.
func validateBank(b *BankInput) *FieldError {
	checks := []func() *FieldError{
		func() *FieldError { return ValidateCountry(b.Country) },
		func() *FieldError { return inParam(ValidateCurrency(b.Currency), "bank_account[currency]") },
		func() *FieldError { return ValidateHolderType(b.HolderType) },
		freeText(ParamHolderName, b.HolderName),
	}
	if strings.EqualFold(b.Country, "US") {
		checks = append(checks,
			func() *FieldError { return ValidateRouting(b.RoutingNumber) },
			func() *FieldError { return ValidateAccountNumber(b.AccountNumber) })
	} else if b.AccountNumber == "" {
		checks = append(checks, func() *FieldError { return missing(ParamAccountNumber, "the account number") })
	}
	return first(checks...)
}

// ValidateUse checks a request to use a token, returning the first problem
// as a *FieldError.
func ValidateUse(req UseRequest) error {
	if fe := validateUse(req); fe != nil {
		return fe
	}
	return nil
}

func validateUse(req UseRequest) *FieldError {
	if s, ok := KindOfID(req.TokenID); ok && s.Kind == KindPaymentMethod {
		// A PaymentMethod is what a card token becomes; it is attached,
		// not used again as a token.
		return requestErr("resource_missing", ParamSource, req.TokenID+" is a PaymentMethod, not a token; it was not sent."+
			" Attach it to a customer with tokenscope attach "+req.TokenID+" --customer CUS (detach with tokenscope detach)")
	}
	if fe := ValidateTokenID(req.TokenID, ParamSource); fe != nil {
		return fe
	}
	if fe := useAllowed(req); fe != nil {
		return fe
	}
	switch req.Kind {
	case UseCustomer:
		return nil
	case UseCharge, UseAuthorize:
		return first(
			func() *FieldError { return ValidateCurrency(req.Currency) },
			func() *FieldError { return ValidateAmount(req.Amount, req.Currency) },
		)
	case UseAccount, UseIDNumber:
		return validateConnectUse(req)
	case UsePaymentMethod:
		return nil
	case UseSetupIntent:
		return ValidateReturnURL(req.ReturnURL)
	case UsePaymentIntent:
		return first(
			func() *FieldError { return ValidateCurrency(req.Currency) },
			func() *FieldError { return ValidateAmount(req.Amount, req.Currency) },
			func() *FieldError { return ValidateCaptureMethod(req.CaptureMethod) },
			func() *FieldError { return ValidateReturnURL(req.ReturnURL) },
		)
	}
	return requestErr("parameter_unknown", "use", "a token is used by a customer, a charge, an authorization, a PaymentMethod, a PaymentIntent or a SetupIntent")
}

// useAllowed refuses, before anything is sent, a use the token's kind
// does not have (the registry's Uses): a PII token is no charge's source,
// and Stripe would refuse it only after a request.
func useAllowed(req UseRequest) *FieldError {
	// tok_ is left to the API: stripe-mock, and older tokens, name tokens
	// of every kind tok_, so it does not say the kind (the state may:
	// CheckUseOf).
	s, ok := KindOfID(req.TokenID)
	if !ok || strings.HasPrefix(req.TokenID, "tok_") {
		return nil
	}
	return useAllowedBy(s, req)
}

// CheckUseOf refuses, before anything is sent, a use that a token of
// kind (as the state recorded it) does not have: a tok_ id does not say
// its kind (a card token given to --account), the record does.
func CheckUseOf(kind Kind, req UseRequest) error {
	s, ok := SpecOf(kind)
	if !ok {
		return nil
	}
	if fe := useAllowedBy(s, req); fe != nil {
		return fe
	}
	return nil
}

// useAllowedBy refuses a use s's kind does not have.
func useAllowedBy(s *KindSpec, req UseRequest) *FieldError {
	if len(s.Uses) == 0 || slices.Contains(s.Uses, req.Kind) || !knownUse(req.Kind) {
		return nil // an unknown use is validateUse's parameter_unknown
	}
	var uses []string
	for _, u := range s.Uses {
		uses = append(uses, string(u))
	}
	return requestErr(CodeUseUnsupported, "use", WithArticle(s.Label)+" token cannot be used as "+WithArticle(string(req.Kind))+
		"; its uses: "+strings.Join(uses, ", ")+"; it was not sent")
}

// knownUse says whether some kind of token has use u.
func knownUse(u UseKind) bool {
	for _, s := range kinds {
		if slices.Contains(s.Uses, u) {
			return true
		}
	}
	return false
}

// first runs checks in order and returns the first failure.
func first(checks ...func() *FieldError) *FieldError {
	for _, c := range checks {
		if fe := c(); fe != nil {
			return fe
		}
	}
	return nil
}

// inParam moves an error to the param it has inside a larger request.
func inParam(fe *FieldError, param string) *FieldError {
	if fe != nil {
		fe.Param = param
	}
	return fe
}
