package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// testNow is a fixed "today" for expiry checks: 15 June 2026.
var testNow = time.Date(2026, time.June, 15, 12, 0, 0, 0, time.UTC)

// describe is a check's outcome in one string: "" for none, else "type code param".
func describe(fe *FieldError) string {
	if fe == nil {
		return ""
	}
	return fe.Type + " " + fe.Code + " " + fe.Param
}

func check(t *testing.T, name string, got *FieldError, want string) {
	t.Helper()
	if d := describe(got); d != want {
		t.Errorf("%s: got %q (%v), want %q", name, d, got, want)
	}
}

func TestFieldErrorText(t *testing.T) {
	fe := ValidateNumber("4242424242424241", false)
	if got, want := fe.Error(), "number: incorrect_number, the card number fails the Luhn check"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
}

func TestValidateNumber(t *testing.T) {
	const (
		card = "card_error "
		req  = "invalid_request_error "
	)
	cases := []struct {
		in       string
		allowAny bool
		want     string
	}{
		{"4242424242424242", false, ""},
		{"4242 4242 4242 4242", false, ""},
		{"4242-4242-4242-4242", false, ""},
		{"378282246310005", false, ""},
		{"3056930009020004", false, ""},
		{"", false, req + "parameter_missing number"},
		{"4242x42424242424", false, card + "invalid_number number"},
		{"４２４２424242424242", false, card + "invalid_number number"},     // full-width digits
		{"424242424242", false, card + "invalid_number number"},         // 12 digits
		{"42424242424242424242", false, card + "invalid_number number"}, // 20 digits
		{"37828224631000", false, card + "invalid_number number"},       // Amex with 14
		{"5555555555554", false, card + "invalid_number number"},        // MasterCard with 13
		{"38520000023237", false, card + "test_mode_live_card number"},  // Diners, 14 digits, not in the catalog
		{"36227206271667", false, ""},                                   // Diners, 14 digits, in the catalog
		{"36227206271667", true, ""},
		{"4242424242424241", false, card + "incorrect_number number"},
		{"4242424242424241", true, card + "incorrect_number number"},
		{"4111111111111111", false, card + "test_mode_live_card number"},
		{"4111111111111111", true, ""},
		{"9999999999999995", true, ""}, // unknown brand, 16 digits, Luhn-valid
	}
	for _, c := range cases {
		check(t, c.in, ValidateNumber(c.in, c.allowAny), c.want)
	}
}

func TestValidateNumberLiveCardMessage(t *testing.T) {
	fe := ValidateNumber("4111 1111 1111 1111", false)
	if fe == nil || strings.Contains(fe.Error(), "4111111111111111") || strings.Contains(fe.Error(), "4111 1111") {
		t.Fatalf("live card message repeats the number or is missing: %v", fe)
	}
	if !strings.Contains(fe.Message, "test cards") || !strings.Contains(fe.Message, "1111") {
		t.Errorf("message should say only test cards are accepted and name the last 4: %q", fe.Message)
	}
}

func TestParseExpiry(t *testing.T) {
	cases := []struct {
		in        string
		month     int
		year      int
		wantError string
	}{
		{"12/34", 12, 2034, ""},
		{"12/2034", 12, 2034, ""},
		{"1/30", 1, 2030, ""},
		{" 03 / 2031 ", 3, 2031, ""},
		{"1230", 12, 2030, ""}, // MMYY, as printed on a card
		{"1330", 0, 0, "card_error invalid_expiry_month exp_month"},
		{"01/1999", 1, 1999, ""}, // parses; ValidateExpiry refuses it
		{"", 0, 0, "invalid_request_error parameter_missing exp_month"},
		{"13/34", 0, 0, "card_error invalid_expiry_month exp_month"},
		{"00/34", 0, 0, "card_error invalid_expiry_month exp_month"},
		{"123/34", 0, 0, "card_error invalid_expiry_month exp_month"},
		{"ab/34", 0, 0, "card_error invalid_expiry_month exp_month"},
		{"12", 0, 0, "card_error invalid_expiry_year exp_year"},
		{"12/", 0, 0, "card_error invalid_expiry_year exp_year"},
		{"12/345", 0, 0, "card_error invalid_expiry_year exp_year"},
		{"12/3x", 0, 0, "card_error invalid_expiry_year exp_year"},
		{"12/34/56", 0, 0, "card_error invalid_expiry_year exp_year"},
	}
	for _, c := range cases {
		m, y, fe := ParseExpiry(c.in)
		check(t, c.in, fe, c.wantError)
		if fe == nil && (m != c.month || y != c.year) {
			t.Errorf("%q: got %d/%d, want %d/%d", c.in, m, y, c.month, c.year)
		}
	}
}

func TestValidateExpiry(t *testing.T) {
	const (
		month = "card_error invalid_expiry_month exp_month"
		year  = "card_error invalid_expiry_year exp_year"
	)
	cases := []struct {
		m, y int
		want string
	}{
		{6, 2026, ""},    // this month: still valid
		{12, 2026, ""},   // later this year
		{1, 2027, ""},    // next year
		{12, 2076, ""},   // 50 years ahead
		{5, 2026, month}, // a month earlier this year: Stripe blames the month
		{1, 2026, month},
		{12, 2025, year}, // last year
		{1, 2077, year},  // more than 50 years ahead
		{0, 2030, month},
		{13, 2030, month},
	}
	for _, c := range cases {
		check(t, fmt.Sprintf("%d/%d", c.m, c.y), ValidateExpiry(c.m, c.y, testNow), c.want)
	}
	check(t, "ValidateExpMonth(7)", ValidateExpMonth(7), "")
	check(t, "ValidateExpYear(2025)", ValidateExpYear(2025, testNow), year)
	check(t, "ValidateExpYear(2026)", ValidateExpYear(2026, testNow), "")
}

func TestValidateCVC(t *testing.T) {
	const bad = "card_error invalid_cvc cvc"
	cases := []struct{ cvc, number, want string }{
		{"123", "4242424242424242", ""},
		{"", "4242424242424242", ""}, // optional, as in Stripe
		{"1234", "378282246310005", ""},
		{"123", "378282246310005", bad},   // Amex needs 4
		{"1234", "4242424242424242", bad}, // others need 3
		{"12", "4242424242424242", bad},
		{"12a", "4242424242424242", bad},
		{"123", "", ""},
	}
	for _, c := range cases {
		check(t, c.cvc+" for "+Last4(c.number), ValidateCVC(c.cvc, c.number), c.want)
	}
}

func TestValidateRouting(t *testing.T) {
	const bad = "invalid_request_error routing_number_invalid bank_account[routing_number]"
	cases := []struct{ in, want string }{
		{"110000000", ""},
		{"021000021", ""}, // a real, public routing number (JPMorgan Chase)
		{"011000015", ""}, // Federal Reserve Bank of Boston
		{"110000001", bad},
		{"11000000", bad},
		{"1100000000", bad},
		{"11000000a", bad},
		{"", "invalid_request_error parameter_missing bank_account[routing_number]"},
	}
	for _, c := range cases {
		check(t, c.in, ValidateRouting(c.in), c.want)
	}
}

func TestValidateAccountNumber(t *testing.T) {
	const bad = "invalid_request_error account_number_invalid bank_account[account_number]"
	cases := []struct{ in, want string }{
		{"000123456789", ""},
		{"1234", ""},
		{"12345678901234567", ""},
		{"123", bad},
		{"123456789012345678", bad},
		{"0001234x6789", bad},
		{"", "invalid_request_error parameter_missing bank_account[account_number]"},
	}
	for _, c := range cases {
		check(t, c.in, ValidateAccountNumber(c.in), c.want)
	}
}

func TestValidateCountry(t *testing.T) {
	const bad = "invalid_request_error country_code_invalid bank_account[country]"
	cases := []struct{ in, want string }{
		{"US", ""}, {"us", ""}, {"GB", ""}, {"DE", ""}, {"JP", ""},
		{"USA", bad}, {"ZZ", bad}, {"EU", bad}, {"UN", bad}, {"XX", bad}, {"419", bad}, {"U", bad}, {"1S", bad},
		{"", "invalid_request_error parameter_missing bank_account[country]"},
	}
	for _, c := range cases {
		check(t, c.in, ValidateCountry(c.in), c.want)
	}
}

func TestValidateCurrency(t *testing.T) {
	const bad = "invalid_request_error currency_invalid currency"
	cases := []struct{ in, want string }{
		{"usd", ""}, {"USD", ""}, {"eur", ""}, {"jpy", ""}, {"xof", ""},
		{"abc", bad}, {"us", bad}, {"dollars", bad}, {"xxx", bad}, {"xts", bad},
		{"", "invalid_request_error parameter_missing currency"},
	}
	for _, c := range cases {
		check(t, c.in, ValidateCurrency(c.in), c.want)
	}
}

func TestValidateIDNumber(t *testing.T) {
	const bad = "invalid_request_error id_number_invalid pii[id_number]"
	cases := []struct{ in, want string }{
		{"000000000", ""}, {"000-00-0000", ""}, {"123456789", ""},
		{"12345678", bad}, {"1234567890", bad}, {"12345678x", bad},
		{"", "invalid_request_error parameter_missing pii[id_number]"},
	}
	for _, c := range cases {
		fe := ValidateIDNumber(c.in)
		check(t, "id", fe, c.want)
		if fe != nil && c.in != "" && strings.Contains(fe.Error(), c.in) {
			t.Errorf("message repeats the id number: %v", fe)
		}
	}
}

func TestValidateHolderAndBusinessType(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""}, {"individual", ""}, {"company", ""},
		{"Company", "invalid_request_error account_holder_type_invalid bank_account[account_holder_type]"},
		{"person", "invalid_request_error account_holder_type_invalid bank_account[account_holder_type]"},
	} {
		check(t, "holder "+c.in, ValidateHolderType(c.in), c.want)
	}
	for _, c := range []struct{ in, want string }{
		{"individual", ""}, {"company", ""},
		{"", "invalid_request_error parameter_missing account[business_type]"},
		{"non_profit", "invalid_request_error business_type_invalid account[business_type]"},
	} {
		check(t, "business "+c.in, ValidateBusinessType(c.in), c.want)
	}
}

func TestValidateAmount(t *testing.T) {
	cases := []struct {
		amount int64
		cur    string
		want   string
	}{
		{50, "usd", ""},
		{1000, "usd", ""},
		{99_999_999, "usd", ""},
		{49, "usd", "invalid_request_error amount_too_small amount"},
		{49, "USD", "invalid_request_error amount_too_small amount"},
		{30, "gbp", ""},
		{29, "gbp", "invalid_request_error amount_too_small amount"},
		{1, "xof", ""}, // no published minimum: any positive amount
		{0, "usd", "invalid_request_error parameter_invalid_integer amount"},
		{-5, "usd", "invalid_request_error parameter_invalid_integer amount"},
		{100_000_000, "usd", "invalid_request_error amount_too_large amount"},
	}
	for _, c := range cases {
		check(t, c.cur, ValidateAmount(c.amount, c.cur), c.want)
	}
	// Stripe's words, the minimum in the currency's major unit.
	if fe := ValidateAmount(49, "usd"); fe.Message != "Amount must be at least $0.50 usd" {
		t.Errorf("amount_too_small message should show the minimum in dollars: %q", fe.Message)
	}
	if fe := ValidateAmount(10, "jpy"); fe.Message != "Amount must be at least 50 jpy" {
		t.Errorf("jpy has no minor unit: %q", fe.Message)
	}
	if fe := ValidateAmount(100_000_000, "usd"); fe.Message != "Amount must be no more than $999,999.99" {
		t.Errorf("amount_too_large: %q", fe.Message)
	}
}

func TestValidateRequest(t *testing.T) {
	card := func(number string, m, y int, cvc string) TokenRequest {
		return TokenRequest{Kind: KindCard, Card: &CardInput{Number: number, ExpMonth: m, ExpYear: y, CVC: cvc}}
	}
	bank := func(country, cur, routing, account, holder string) TokenRequest {
		return TokenRequest{Kind: KindBank, Bank: &BankInput{Country: country, Currency: cur, RoutingNumber: routing, AccountNumber: account, HolderType: holder}}
	}
	anyCard := card("4111111111111111", 12, 2030, "123")
	anyCard.AllowAnyNumber = true
	cases := []struct {
		name string
		req  TokenRequest
		want string
	}{
		{"card ok", card("4242424242424242", 12, 2030, "123"), ""},
		{"card luhn", card("4242424242424241", 12, 2030, "123"), "card_error incorrect_number number"},
		{"card live", card("4111111111111111", 12, 2030, "123"), "card_error test_mode_live_card number"},
		{"card any", anyCard, ""},
		{"card no expiry", card("4242424242424242", 0, 0, "123"), "invalid_request_error parameter_missing exp_month"},
		{"card no expiry, bad number first", card("4242424242424241", 0, 0, ""), "card_error incorrect_number number"},
		{"card month", card("4242424242424242", 13, 2030, "123"), "card_error invalid_expiry_month exp_month"},
		{"card past month", card("4242424242424242", 3, 2026, "123"), "card_error invalid_expiry_month exp_month"},
		{"card past year", card("4242424242424242", 12, 2020, "123"), "card_error invalid_expiry_year exp_year"},
		{"card cvc", card("4242424242424242", 12, 2030, "12"), "card_error invalid_cvc cvc"},
		{"card nil", TokenRequest{Kind: KindCard}, "invalid_request_error parameter_missing card"},
		{"bank ok", bank("US", "usd", "110000000", "000123456789", "individual"), ""},
		{"bank routing", bank("US", "usd", "110000001", "000123456789", ""), "invalid_request_error routing_number_invalid bank_account[routing_number]"},
		{"bank account", bank("US", "usd", "110000000", "12", ""), "invalid_request_error account_number_invalid bank_account[account_number]"},
		{"bank country", bank("XX", "usd", "110000000", "000123456789", ""), "invalid_request_error country_code_invalid bank_account[country]"},
		{"bank currency", bank("US", "usx", "110000000", "000123456789", ""), "invalid_request_error currency_invalid bank_account[currency]"},
		{"bank holder", bank("US", "usd", "110000000", "000123456789", "bank"), "invalid_request_error account_holder_type_invalid bank_account[account_holder_type]"},
		{"bank GB skips US formats", bank("GB", "gbp", "", "GB82WEST12345698765432", ""), ""},
		{"bank GB needs an account", bank("GB", "gbp", "108800", "", ""), "invalid_request_error parameter_missing bank_account[account_number]"},
		{"pii ok", TokenRequest{Kind: KindPII, PII: &PIIInput{IDNumber: "000000000"}}, ""},
		{"pii bad", TokenRequest{Kind: KindPII, PII: &PIIInput{IDNumber: "0000"}}, "invalid_request_error id_number_invalid pii[id_number]"},
		{"account ok", TokenRequest{Kind: KindAccount, Account: &AccountInput{BusinessType: "company"}}, ""},
		{"account bad", TokenRequest{Kind: KindAccount, Account: &AccountInput{BusinessType: "llc"}}, "invalid_request_error business_type_invalid account[business_type]"},
		{"no kind", TokenRequest{}, "invalid_request_error parameter_unknown type"},
	}
	for _, c := range cases {
		err := Validate(c.req, testNow)
		var fe *FieldError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("%s: error is not a *FieldError: %T", c.name, err)
		}
		check(t, c.name, fe, c.want)
	}
}

func TestValidateReturnsUntypedNil(t *testing.T) {
	if err := Validate(TokenRequest{Kind: KindPII, PII: &PIIInput{IDNumber: "000000000"}}, testNow); err != nil {
		t.Fatalf("a valid request must give a nil error interface, got %#v", err)
	}
	if err := ValidateUse(UseRequest{TokenID: "tok_visa", Kind: UseCustomer}); err != nil {
		t.Fatalf("a valid use must give a nil error interface, got %#v", err)
	}
}

func TestValidateUse(t *testing.T) {
	cases := []struct {
		name string
		req  UseRequest
		want string
	}{
		{"customer", UseRequest{TokenID: "tok_visa", Kind: UseCustomer}, ""},
		{"charge", UseRequest{TokenID: "tok_visa", Kind: UseCharge, Amount: 1000, Currency: "usd"}, ""},
		{"no token", UseRequest{Kind: UseCharge, Amount: 1000, Currency: "usd"}, "invalid_request_error parameter_missing source"},
		{"blank token", UseRequest{TokenID: "  ", Kind: UseCustomer}, "invalid_request_error parameter_missing source"},
		{"small", UseRequest{TokenID: "tok_visa", Kind: UseCharge, Amount: 10, Currency: "usd"}, "invalid_request_error amount_too_small amount"},
		{"no currency", UseRequest{TokenID: "tok_visa", Kind: UseCharge, Amount: 1000}, "invalid_request_error parameter_missing currency"},
		{"bad currency", UseRequest{TokenID: "tok_visa", Kind: UseCharge, Amount: 1000, Currency: "zzz"}, "invalid_request_error currency_invalid currency"},
		{"bad kind", UseRequest{TokenID: "tok_visa", Kind: "refund"}, "invalid_request_error parameter_unknown use"},
	}
	for _, c := range cases {
		var fe *FieldError
		if err := ValidateUse(c.req); err != nil && !errors.As(err, &fe) {
			t.Fatalf("%s: not a *FieldError: %T", c.name, err)
		}
		check(t, c.name, fe, c.want)
	}
}

func TestBrand(t *testing.T) {
	cases := map[string]string{
		"4242424242424242": BrandVisa, "5555555555554444": BrandMasterCard, "2223003122003222": BrandMasterCard,
		"378282246310005": BrandAmex, "6011111111111117": BrandDiscover, "3056930009020004": BrandDiners,
		"3566002020360505": BrandJCB, "6200000000000005": BrandUnionPay, "9999999999999995": BrandUnknown,
		"": BrandUnknown, "2": BrandUnknown,
	}
	for n, want := range cases {
		if got := Brand(n); got != want {
			t.Errorf("Brand(%s) = %q, want %q", n, got, want)
		}
	}
}

// FuzzValidateNumber: whatever is typed, the check never panics, a number
// it accepts is all digits, of a length its brand allows and Luhn-valid,
// and no message repeats a number long enough to be a card's.
func FuzzValidateNumber(f *testing.F) {
	for _, c := range Cards {
		f.Add(c.Number, false)
	}
	for _, s := range []string{"", "4242 4242 4242 4242", "4111111111111111", "4242-4242-4242-424x", "0000000000000", "９９", "1234567890123456789012", "4\x00242"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, in string, allowAny bool) {
		fe := ValidateNumber(in, allowAny)
		d := Digits(in)
		if fe == nil {
			if !isDigits(d) || !Luhn(d) || lengthProblem(d) != "" {
				t.Fatalf("accepted %q: digits %v, Luhn %v, length %q", in, isDigits(d), Luhn(d), lengthProblem(d))
			}
			if _, ok := CardByNumber(d); !ok && !allowAny {
				t.Fatalf("accepted %q which is not a test card without allowAny", in)
			}
			return
		}
		if fe.Param != ParamNumber || fe.Code == "" || fe.Type == "" {
			t.Fatalf("incomplete error for %q: %#v", in, fe)
		}
		if len(d) >= 13 && strings.Contains(fe.Error(), d) {
			t.Fatalf("message repeats the number: %q", fe.Error())
		}
		if len(strings.TrimSpace(in)) >= 13 && strings.Contains(fe.Error(), strings.TrimSpace(in)) {
			t.Fatalf("message repeats the input: %q", fe.Error())
		}
	})
}

// FuzzParseExpiry: never panics; what it accepts is a real month and a
// four-digit year that survive a round trip through "MM/YYYY".
func FuzzParseExpiry(f *testing.F) {
	for _, s := range []string{"12/34", "12/2034", "1/30", " 03 / 2031 ", "", "13/34", "00/00", "12/", "/", "//", "1/2/3", "٣/٣٤", "12/-1", "+1/+34"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		m, y, fe := ParseExpiry(in)
		if fe != nil {
			if fe.Param != ParamExpMonth && fe.Param != ParamExpYear {
				t.Fatalf("%q: error on param %q", in, fe.Param)
			}
			if m != 0 || y != 0 {
				t.Fatalf("%q: error with a value %d/%d", in, m, y)
			}
			return
		}
		if m < 1 || m > 12 || y < 0 || y > 9999 {
			t.Fatalf("%q accepted as %d/%d", in, m, y)
		}
		m2, y2, fe2 := ParseExpiry(fmt.Sprintf("%02d/%04d", m, y))
		if fe2 != nil || m2 != m || y2 != y {
			t.Fatalf("%q: %d/%d does not round-trip (%d/%d, %v)", in, m, y, m2, y2, fe2)
		}
	})
}

// FuzzValidateRouting: never panics; what it accepts is nine digits with a
// valid ABA checksum, and every refusal is on the routing number param.
func FuzzValidateRouting(f *testing.F) {
	for _, s := range []string{TestRouting, "021000021", "110000001", "", "12345678", "1234567890", "11000000a", "１１0000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		fe := ValidateRouting(in)
		if fe == nil {
			if len(in) != 9 || !isDigits(in) {
				t.Fatalf("accepted %q", in)
			}
			sum := 0
			for i, w := range []int{3, 7, 1, 3, 7, 1, 3, 7, 1} {
				sum += int(in[i]-'0') * w
			}
			if sum%10 != 0 {
				t.Fatalf("accepted %q with checksum %d", in, sum)
			}
			return
		}
		if fe.Param != ParamRouting || fe.Type != TypeInvalidRequest {
			t.Fatalf("%q: %#v", in, fe)
		}
	})
}
