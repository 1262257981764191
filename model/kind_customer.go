package model

// KindCustomer is a customer (cus_), which a card or bank token becomes a
// source of.
const KindCustomer Kind = "customer"

// customerKind is a customer and its default source.
var customerKind = &KindSpec{
	Kind:     KindCustomer,
	Object:   string(KindCustomer),
	Prefixes: []string{"cus_"},
	Short:    "cus",
	Label:    "customer",
	Path:     "/v1/customers/",
	Summary:  func(f Fields) string { return JoinWords(f.Get("email"), f.Get("default_source")) },
	Fields: []DetailField{
		{Path: "default_source", Label: "default_source"},
		{Path: "email", Label: "email"},
		{Path: "description", Label: "description"},
		{Path: "created", Label: "created", Value: createdAt},
	},
}
