package model

// KindBankAccount is a customer's bank account (ba_), the object a bank
// token becomes; it shares its name with the bank token's kind.
const KindBankAccount Kind = "bank_account"

// bankAccountKind is a bank account source: whether it is verified, and
// whose it is.
var bankAccountKind = &KindSpec{
	Kind:     KindBankAccount,
	Object:   "bank_account",
	Prefixes: []string{"ba_"},
	Short:    "ba",
	Label:    "bank account",
	Path:     sourcesPath,
	Summary: func(f Fields) string {
		return withDetail(f.Get("bank_name")+" •••• "+f.Get("last4"), f.Get("status"))
	},
	Fields: []DetailField{
		{Path: "status", Label: "status"},
		{Path: "customer", Label: "customer"},
		{Path: "bank_name", Label: "bank_name"},
		{Path: "last4", Label: "last4", Value: func(f Fields) string { return "•••• " + f.Get("last4") }},
		{Path: "routing_number", Label: "routing"},
		{Path: "fingerprint", Label: "fingerprint"},
	},
	Drift: []DetailField{{Path: "status"}},
}
