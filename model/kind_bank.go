package model

import (
	"cmp"
	"strings"
	"time"
)

// bankKind is a bank account token (btok_): one of Stripe's US test bank
// accounts, or any account number elsewhere.
var bankKind = &KindSpec{
	Kind:     KindBank,
	Object:   ObjectToken,
	Prefixes: []string{"btok_"},
	Short:    "bank",
	Label:    "bank account",
	About:    "a US test bank account",
	Heading:  "bank_account",
	Summary: func(f Fields) string {
		if !f.Has("bank_account") {
			return ""
		}
		return cmp.Or(f.Get("bank_account.bank_name"), "Bank") + " •••• " + f.Get("bank_account.last4")
	},
	Fields: []DetailField{
		{Path: "bank_account.id", Label: "id"},
		{Path: "bank_account.bank_name", Label: "bank_name"},
		{Path: "bank_account.last4", Label: "last4", Value: func(f Fields) string {
			if !f.Has("bank_account") {
				return ""
			}
			return "•••• " + f.Get("bank_account.last4")
		}},
		{Path: "bank_account.routing_number", Label: "routing"},
		{Path: "bank_account.country", Label: "country"},
		{Path: "bank_account.currency", Label: "currency"},
		{Path: "bank_account.account_holder_name", Label: "holder", Value: func(f Fields) string {
			return withDetail(f.Get("bank_account.account_holder_name"), f.Get("bank_account.account_holder_type"))
		}},
		{Path: "bank_account.status", Label: "status"},
		{Path: "bank_account.fingerprint", Label: "fingerprint"},
	},
	Drift: []DetailField{
		{Path: "bank_account.status"}, {Path: "bank_account.bank_name"}, {Path: "bank_account.last4"},
		{Path: "bank_account.routing_number"}, {Path: "bank_account.country"}, {Path: "bank_account.currency"},
		{Path: "bank_account.account_holder_type"}, {Path: "bank_account.fingerprint"},
	},
	// Stripe charges a bank account only once it is verified on a
	// customer, so a bank token is only attached.
	Uses: []UseKind{UseCustomer},
	Create: &Creator{
		Command: "bank",
		Use:     "bank [--preset NAME | --routing R --account A]",
		Short:   "Create a bank account token",
		Example: `  tokenscope create bank --preset bank_ok
  tokenscope create bank --routing 110000000 --account 000123456789 --holder "Jenny Rosen"`,
		Inputs: []Input{
			bindText(Input{Attr: "country", Param: ParamCountry, Flag: "country", Usage: "country, ISO 3166-1 alpha-2", Default: presetCountry,
				Label: "Country", MaxLen: maxCountryLen, Check: checkText(ValidateCountry)},
				bankPart, func(b *BankInput) *string { return &b.Country }, func(s string) string { return strings.ToUpper(trim(s)) }),
			bindText(Input{Attr: "currency", Param: "bank_account[currency]", Flag: "currency", Usage: "currency, ISO 4217", Default: presetCurrency,
				Label: "Currency", MaxLen: MaxCurrencyLen, Check: checkText(ValidateCurrency)},
				bankPart, func(b *BankInput) *string { return &b.Currency }, func(s string) string { return strings.ToLower(trim(s)) }),
			bindText(Input{Attr: "routing_number", Param: ParamRouting, Flag: "routing", Usage: "routing number (Stripe's test bank: " + TestRouting + ")",
				Label: "Routing", Ident: true, MaxLen: maxRoutingLen, Check: checkText(ValidateRouting)},
				bankPart, func(b *BankInput) *string { return &b.RoutingNumber }, trim),
			bindText(Input{Attr: "account_number", Param: ParamAccountNumber, Flag: "account", Usage: "account number (test accounts: tokenscope presets); - reads another from stdin",
				Label: "Account", Ident: true, Masked: true, Note: testAccountNote, MaxLen: maxAccountNumberLen, Check: checkText(ValidateAccountNumber),
				Public: func(v string, _ TokenRequest) bool { _, ok := BankByAccount(trim(v)); return ok }},
				bankPart, func(b *BankInput) *string { return &b.AccountNumber }, trim),
			bindText(Input{Attr: "account_holder_name", Param: ParamHolderName, Flag: "holder", Usage: "account holder name", Label: "Holder", Keep: true},
				bankPart, func(b *BankInput) *string { return &b.HolderName }, trim),
			bindText(Input{Attr: "account_holder_type", Param: ParamHolderType, Flag: "holder-type", Usage: "individual or company",
				Label: "Holder type", Choices: []string{"individual", "company"}, Keep: true},
				bankPart, func(b *BankInput) *string { return &b.HolderType }, trim),
		},
		Presets:     bankPresets(),
		PresetLabel: "test bank",
		New:         func(r *TokenRequest) { r.Bank = &BankInput{} },
		Validate: func(r TokenRequest, _ time.Time) *FieldError {
			if r.Bank == nil {
				return missing("bank_account", "the bank account")
			}
			return validateBank(r.Bank)
		},
	},
}

func bankPart(r *TokenRequest) *BankInput {
	if r.Bank == nil {
		r.Bank = &BankInput{}
	}
	return r.Bank
}

// bankPresets are Stripe's US test bank accounts, held by Jenny Rosen.
func bankPresets() []Preset {
	out := make([]Preset, len(Banks))
	for i := range Banks {
		b := &Banks[i]
		out[i] = Preset{Name: b.Name, Expect: b.Expect, Request: func(time.Time) TokenRequest {
			return TokenRequest{Kind: KindBank, Preset: b.Name, Bank: &BankInput{
				Country: presetCountry, Currency: presetCurrency,
				RoutingNumber: b.RoutingNumber, AccountNumber: b.AccountNumber,
				HolderName: presetHolderName, HolderType: presetHolderType,
			}}
		}}
	}
	return out
}

func testAccountNote(number string) string {
	if p, ok := BankByAccount(number); ok {
		return "test account: " + p.Name
	}
	return ""
}
