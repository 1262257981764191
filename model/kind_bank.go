package model

// bankKind is a bank account token (btok_): one of Stripe's US test bank
// accounts, or any account number elsewhere.
var bankKind = &KindSpec{
	Kind:     KindBank,
	Object:   "token",
	Prefixes: []string{"btok_"},
	Short:    "bank",
	Label:    "bank account",
	About:    "a US test bank account",
	Heading:  "bank_account",
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
	// Stripe charges a bank account only once it is verified on a
	// customer, so a bank token is only attached.
	Uses: []UseKind{UseCustomer},
}
