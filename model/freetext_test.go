package model

import (
	"strings"
	"testing"
)

// A card number typed into a name or address field is refused before it
// is sent: Stripe returns the field in the Token, which tokenscope stores.
func TestValidateRefusesCardNumbersInFreeText(t *testing.T) {
	visa := func(name, zip string) TokenRequest {
		return TokenRequest{Kind: KindCard, Card: &CardInput{Number: "4242424242424242", ExpMonth: 12, ExpYear: 2030, Name: name, Zip: zip}}
	}
	bank := func(holder string) TokenRequest {
		return TokenRequest{Kind: KindBank, Bank: &BankInput{Country: "US", Currency: "usd", RoutingNumber: "110000000", AccountNumber: "000123456789", HolderName: holder}}
	}
	person := func(first, last string) TokenRequest {
		return TokenRequest{Kind: KindAccount, Account: &AccountInput{BusinessType: "individual", FirstName: first, LastName: last}}
	}
	const bad = "invalid_request_error parameter_invalid_string "
	for _, c := range []struct {
		name string
		req  TokenRequest
		want string
	}{
		{"card name solid", visa("4000056655665556", ""), bad + "card[name]"},
		{"card name grouped", visa("Jenny 4000 0566 5566 5556", ""), bad + "card[name]"},
		{"card name dashed", visa("4000-0566-5566-5556", ""), bad + "card[name]"},
		{"card zip", visa("Jenny Rosen", "4000056655665556"), bad + "card[address_zip]"},
		{"bank holder", bank("4000 0566 5566 5556"), bad + "bank_account[account_holder_name]"},
		{"first name", person("4000056655665556", "Rosen"), bad + "account[individual][first_name]"},
		{"last name", person("Jenny", "x4000056655665556"), bad + "account[individual][last_name]"},
		{"real name", visa("Jenny Rosen", "94107-1234"), ""},
		{"bank holder ok", bank("Jenny Rosen"), ""},
		{"person ok", person("Jenny", "Rosen"), ""},
	} {
		err := Validate(c.req, testNow)
		fe, _ := err.(*FieldError)
		check(t, c.name, fe, c.want)
		if fe != nil {
			if strings.Contains(fe.Message, "5566") || !strings.Contains(fe.Message, "5556") || !strings.Contains(fe.Message, "card number") {
				t.Errorf("%s: message %q should name the last 4 only and say why", c.name, fe.Message)
			}
		}
	}
}

// FuzzValidateFreeText: a refusal never repeats the number it found, and
// whatever passes holds no card-like run.
func FuzzValidateFreeText(f *testing.F) {
	for _, s := range []string{"Jenny Rosen", "Jenny 4000 0566 5566 5556", "4000-0566-5566-5556", "", "94107"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		fe := ValidateFreeText(ParamCardName, in)
		if fe == nil {
			if _, ok := LooksLikeCardNumber(in); ok {
				t.Fatalf("passed %q", in)
			}
			return
		}
		if _, ok := LooksLikeCardNumber(fe.Error()); ok {
			t.Fatalf("the message repeats a card number: %q", fe.Error())
		}
	})
}
