package model

import (
	"cmp"
	"strings"
)

// The Connect uses: an account token makes a custom account (POST
// /v1/accounts account_token=ct_…); a PII token stands in for the id
// number of an individual account (POST /v1/accounts/{acct}
// individual[id_number]=pii_…) or of one of an account's persons, a
// company's representative say (POST /v1/accounts/{acct}/persons/{person}
// id_number=pii_…).
const (
	UseAccount  UseKind = "account"
	UseIDNumber UseKind = "id_number"
)

// IDNumberFor is where an id number goes, as a user names it: an
// account (acct_…) or a person (person_…), whose account is found before
// it is sent (service).
func (r *UseRequest) IDNumberFor(id string) {
	if strings.HasPrefix(id, "person_") {
		r.Person = id
		return
	}
	r.Account = id
}

// ValidateIDNumberFor checks where an id number goes, as IDNumberFor
// reads it (a form's field).
func ValidateIDNumberFor(id string) *FieldError {
	req := UseRequest{Kind: UseIDNumber}
	req.IDNumberFor(id)
	return validateConnectUse(req)
}

// validateConnectUse checks a Connect use: an id number goes to an
// account, or to a person, named by its id.
func validateConnectUse(req UseRequest) *FieldError {
	if req.Kind != UseIDNumber {
		return nil
	}
	if req.Person != "" {
		if fe := ValidateObjectID(req.Person, "person", "person", "person_"); fe != nil || req.Account == "" {
			return fe
		}
	}
	return ValidateObjectID(req.Account, "account", "account", "acct_")
}

// planConnectUse is the plan of a Connect use.
func planConnectUse(name string, req UseRequest, source Attr) Change {
	known := Attr{Name: "id", Value: KnownAfterApply}
	if req.TokenID == "" {
		// A scenario's token is made by the same apply.
		source.Value = KnownAfterApply
	}
	switch {
	case req.Kind == UseIDNumber && req.Person != "":
		acct := cmp.Or(req.Account, "{account}")
		return Change{Address: "person." + name, Action: ActionUpdate, Request: "POST /v1/accounts/" + acct + "/persons/" + req.Person,
			Attrs: []Attr{{Name: "id_number", Value: source.Value}, {Name: "id_number_provided", Old: "false", Value: "true"}}}
	case req.Kind == UseIDNumber:
		return Change{Address: "account." + name, Action: ActionUpdate, Request: "POST /v1/accounts/" + req.Account,
			Attrs: []Attr{{Name: "individual.id_number", Value: source.Value}, {Name: "individual.id_number_provided", Old: "false", Value: "true"}}}
	}
	source.Name = "account_token"
	return Change{Address: "account." + name, Action: ActionCreate, Request: "POST /v1/accounts",
		Attrs: []Attr{{Name: "type", Value: str("custom")}, source, known}}
}
