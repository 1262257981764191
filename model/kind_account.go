package model

import "time"

// accountKind is an account token (ct_), which Connect consumes when it
// creates or updates an account.
var accountKind = &KindSpec{
	Kind:     KindAccount,
	Object:   ObjectToken,
	Prefixes: []string{"ct_"},
	Short:    "acct",
	Label:    "account",
	About:    "an account token: business type and name",
	Summary:  func(Fields) string { return "account" },
	// Connect makes a custom account from one.
	Uses: []UseKind{UseAccount},
	Create: &Creator{
		Command: "account",
		Use:     "account --business-type individual|company",
		Short:   "Create an account token (Connect)",
		Example: `  tokenscope create account --business-type individual --first-name Jenny --last-name Rosen`,
		Inputs: []Input{
			bindText(Input{Attr: "business_type", Required: true, Param: ParamBusinessType, Flag: "business-type", Usage: "individual or company",
				Label: "Business type", Choices: []string{"individual", "company"}, Example: "individual"},
				accountPart, func(a *AccountInput) *string { return &a.BusinessType }, trim),
			bindText(Input{Attr: "first_name", Param: ParamFirstName, Flag: "first-name", Usage: "individual's first name", Label: "First name", Example: "Jenny"},
				accountPart, func(a *AccountInput) *string { return &a.FirstName }, trim),
			bindText(Input{Attr: "last_name", Param: ParamLastName, Flag: "last-name", Usage: "individual's last name", Label: "Last name", Example: "Rosen"},
				accountPart, func(a *AccountInput) *string { return &a.LastName }, trim),
		},
		New: func(r *TokenRequest) { r.Account = &AccountInput{} },
		Validate: func(r TokenRequest, _ time.Time) *FieldError {
			if r.Account == nil {
				return missing("account", "the account")
			}
			a := r.Account
			return first(
				func() *FieldError { return ValidateBusinessType(a.BusinessType) },
				freeText(ParamFirstName, a.FirstName, ParamLastName, a.LastName),
			)
		},
	},
}

func accountPart(r *TokenRequest) *AccountInput {
	if r.Account == nil {
		r.Account = &AccountInput{}
	}
	return r.Account
}
