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
			bindText(Input{Attr: "first_name", Param: ParamFirstName, Flag: "first-name", Usage: "individual's first name", Label: "First name", Example: "Jenny", For: individual},
				accountPart, func(a *AccountInput) *string { return &a.FirstName }, trim),
			bindText(Input{Attr: "last_name", Param: ParamLastName, Flag: "last-name", Usage: "individual's last name", Label: "Last name", Example: "Rosen", For: individual},
				accountPart, func(a *AccountInput) *string { return &a.LastName }, trim),
			bindText(Input{Attr: "company_name", Param: ParamCompanyName, Flag: "company-name", Usage: "company's name", Label: "Company", Example: "Rocket Rides", For: company},
				accountPart, func(a *AccountInput) *string { return &a.CompanyName }, trim),
		},
		New: func(r *TokenRequest) { r.Account = &AccountInput{} },
		Validate: func(r TokenRequest, _ time.Time) *FieldError {
			if r.Account == nil {
				return missing("account", "the account")
			}
			a := r.Account
			return first(
				func() *FieldError { return ValidateBusinessType(a.BusinessType) },
				func() *FieldError { return namedAs(r) },
				freeText(ParamFirstName, a.FirstName, ParamLastName, a.LastName, ParamCompanyName, a.CompanyName),
			)
		},
	},
}

// individual and company tell an account token's names apart: Stripe
// takes an individual's under account[individual] and a company's under
// account[company], by business type.
func individual(r TokenRequest) bool { return r.Account != nil && r.Account.BusinessType != "company" }
func company(r TokenRequest) bool    { return r.Account != nil && r.Account.BusinessType == "company" }

// namedAs refuses a name given for the other business type (a first name
// for a company): it would not be sent, and the token would not be named
// as asked.
func namedAs(r TokenRequest) *FieldError {
	a := r.Account
	param := ""
	switch {
	case company(r) && a.FirstName != "":
		param = ParamFirstName
	case company(r) && a.LastName != "":
		param = ParamLastName
	case !company(r) && a.CompanyName != "":
		param = ParamCompanyName
	}
	if param == "" {
		return nil
	}
	return requestErr("parameter_unknown", param,
		"a business of type "+a.BusinessType+" is not named by "+param+": an individual has a first and last name, a company a company name")
}

func accountPart(r *TokenRequest) *AccountInput {
	if r.Account == nil {
		r.Account = &AccountInput{}
	}
	return r.Account
}
