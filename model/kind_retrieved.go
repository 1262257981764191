package model

// The token kinds tokenscope retrieves by id but does not create.
const (
	KindPerson    Kind = "person"
	KindCVCUpdate Kind = "cvc_update"
)

// personKind is a person token (cpt_), for a Connect account's person.
var personKind = &KindSpec{Kind: KindPerson, Object: ObjectToken, Prefixes: []string{"cpt_"}, Short: "person", Label: "person"}

// cvcUpdateKind is a CVC update token (cvctok_): a card's CVC collected
// again, to re-check a saved card.
var cvcUpdateKind = &KindSpec{Kind: KindCVCUpdate, Object: ObjectToken, Prefixes: []string{"cvctok_"}, Short: "cvc_update", Label: "CVC update"}

// KindPersonObject is a Connect account's person (person_), as a PII
// token's id number or an account token makes one; it shares its name
// with the person token's kind.
const KindPersonObject Kind = "person"

// personObjectKind is a person, read under its account.
var personObjectKind = &KindSpec{
	Kind:     KindPersonObject,
	Object:   "person",
	Prefixes: []string{"person_"},
	Short:    "prsn",
	Label:    "person",
	Path:     "/v1/accounts/{account}/persons/",
	Summary:  func(f Fields) string { return JoinWords(f.Get("first_name"), f.Get("last_name")) },
	Fields: []DetailField{
		{Path: "account", Label: "account"},
		{Path: "first_name", Label: "first_name"},
		{Path: "last_name", Label: "last_name"},
		{Path: "id_number_provided", Label: "id_number_provided"},
	},
	Drift: []DetailField{{Path: "id_number_provided"}},
}
