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
