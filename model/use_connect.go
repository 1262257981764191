package model

// The Connect uses: an account token makes a custom account (POST
// /v1/accounts account_token=ct_…); a PII token stands in for the id
// number of an individual account (POST /v1/accounts/{acct}
// individual[id_number]=pii_…).
const (
	UseAccount  UseKind = "account"
	UseIDNumber UseKind = "id_number"
)

// validateConnectUse checks a Connect use: an id number goes to an
// account named by its id.
func validateConnectUse(req UseRequest) *FieldError {
	if req.Kind == UseIDNumber {
		return ValidateObjectID(req.Account, "account", "account", "acct_")
	}
	return nil
}

// planConnectUse is the plan of a Connect use.
func planConnectUse(name string, req UseRequest, source Attr) Change {
	known := Attr{Name: "id", Value: KnownAfterApply}
	if req.TokenID == "" {
		// A scenario's token is made by the same apply.
		source.Value = KnownAfterApply
	}
	if req.Kind == UseIDNumber {
		return Change{Address: "account." + name, Action: ActionUpdate, Request: "POST /v1/accounts/" + req.Account,
			Attrs: []Attr{{Name: "individual.id_number", Value: source.Value}, {Name: "individual.id_number_provided", Old: "false", Value: "true"}}}
	}
	source.Name = "account_token"
	return Change{Address: "account." + name, Action: ActionCreate, Request: "POST /v1/accounts",
		Attrs: []Attr{{Name: "type", Value: str("custom")}, source, known}}
}
