package model

// accountKind is an account token (ct_), which Connect consumes when it
// creates or updates an account.
var accountKind = &KindSpec{
	Kind:     KindAccount,
	Object:   "token",
	Prefixes: []string{"ct_"},
	Short:    "acct",
	Label:    "account",
	About:    "an account token: business type and name",
}
