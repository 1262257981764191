package model

import "strings"

// KindConnected is a Connect account (acct_). Its name is the API's,
// "account", which the account token's kind shares; SpecOf finds the
// token, KindOfID the account by its prefix.
const KindConnected Kind = "account"

// connectedKind is a Connect account, made from an account token.
var connectedKind = &KindSpec{
	Kind:     KindConnected,
	Object:   "account",
	Prefixes: []string{"acct_"},
	Path:     "/v1/accounts/",
	Short:    "acct",
	Label:    "connected account",
	Summary: func(f Fields) string {
		return withDetail(f.Get("type")+" account", f.Get("business_type"), f.Get("country"))
	},
	Fields: []DetailField{
		{Path: "type", Label: "type"},
		{Path: "business_type", Label: "business_type"},
		{Path: "country", Label: "country"},
		{Path: "individual.first_name", Label: "individual", Value: func(f Fields) string {
			// strings.TrimSpace: a company's account has no individual, and
			// an empty row says nothing.
			return strings.TrimSpace(withDetail(strings.TrimSpace(f.Get("individual.first_name")+" "+f.Get("individual.last_name")), f.Get("individual.id")))
		}},
		{Path: "individual.id_number_provided", Label: "id_number_provided"},
		{Path: "charges_enabled", Label: "charges_enabled"},
		{Path: "payouts_enabled", Label: "payouts_enabled"},
	},
	Drift: []DetailField{{Path: "individual.id_number_provided"}, {Path: "charges_enabled"}, {Path: "payouts_enabled"}},
}
