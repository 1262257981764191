package emulator

import (
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// Connect: custom accounts made from account tokens (or parameters), and
// their persons; a PII token stands in for an id number on either.

var accountUpdateParams = slices.Concat([]string{"account_token", "email", "business_type", "expand["},
	metadataParams, individualParams, companyObject.params(), businessProfileObject.params(),
	tosAcceptanceObject.params(), capabilityParams())

var accountParams = append([]string{"type", "country", "default_currency"}, accountUpdateParams...)

// createAccount is POST /v1/accounts. With account_token=ct_ the token
// (consumed) says what the account is, and the account is then updated
// with tokens only; individual[id_number] may be a PII token.
func createAccount(c *call) (any, *model.Error) {
	typ := c.params.get("type")
	if typ == "" {
		typ = "custom"
	}
	if _, ok := accountTypes[typ]; !ok {
		return nil, invalid("", "type", "Invalid type: must be one of custom, express, standard")
	}
	a := &accountRec{Type: typ,
		ID: newID("acct_", 16), Created: c.now.Unix(), Country: strings.ToUpper(c.params.get("country")),
		BusinessType: c.params.get("business_type"),
	}
	if a.Country == "" {
		a.Country = "US"
	}
	if a.Type == "custom" {
		a.Type = "" // the records' custom, as before other types
	}
	if aerr := updateAccountFrom(c, a); aerr != nil {
		return nil, aerr
	}
	c.objs.putAccount(a)
	return renderAccount(c.objs, a), nil
}

// updateAccount is POST /v1/accounts/{id}.
func updateAccount(c *call) (any, *model.Error) {
	a, ok := c.objs.account(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "account", c.id(), "account")
	}
	if aerr := updateAccountFrom(c, a); aerr != nil {
		return nil, aerr
	}
	c.objs.putAccount(a)
	return renderAccount(c.objs, a), nil
}

// updateAccountFrom applies account_token, individual[...] and metadata
// to a.
func updateAccountFrom(c *call, a *accountRec) *model.Error {
	md, aerr := readMetadata(c.params, a.Metadata)
	if aerr != nil {
		return aerr
	}
	a.Metadata = md
	email, aerr := readEmail(c.params, "email")
	if aerr != nil {
		return aerr
	}
	a.Email = cmpOr(email, a.Email)
	individualEmail, aerr := readEmail(c.params, "individual[email]")
	if aerr != nil {
		return aerr
	}
	if a.Company, aerr = companyObject.read(c.params, a.Company); aerr != nil {
		return aerr
	}
	if a.BusinessProfile, aerr = businessProfileObject.read(c.params, a.BusinessProfile); aerr != nil {
		return aerr
	}
	if a.TOSAcceptance, aerr = tosAcceptanceObject.read(c.params, a.TOSAcceptance); aerr != nil {
		return aerr
	}
	if a.Capabilities, aerr = readCapabilities(c.params, a.Capabilities); aerr != nil {
		return aerr
	}
	tokenID := c.params.get("account_token")
	if tokenID != "" || a.FromToken {
		for key := range c.params.Values {
			direct := key == "business_type" || strings.HasPrefix(key, "company[") ||
				strings.HasPrefix(key, "individual[") && key != "individual[id_number]"
			if direct {
				return invalid("", key, "This account can only be updated with an account token, because it was originally created with an account token. (Attempted to update param '"+key+"' directly.)")
			}
		}
	}
	var from *accountTokenRec
	if tokenID != "" {
		t, aerr := takeTyped(c, tokenID, model.KindAccount, "account_token")
		if aerr != nil {
			return aerr
		}
		a.FromToken = true
		if from = t.Account; from == nil {
			from = &accountTokenRec{}
		}
		if from.BusinessType != "" {
			a.BusinessType = from.BusinessType
		}
	} else if first, last := c.params.get("individual[first_name]"), c.params.get("individual[last_name]"); first != "" || last != "" || c.params.Has("individual[email]") {
		from = &accountTokenRec{FirstName: first, LastName: last}
	}
	// A company's account takes no individual[id_number]: refused before
	// idNumber consumes a PII token, so a refusal leaves the token unused.
	if c.params.get("individual[id_number]") != "" && a.BusinessType != "" && a.BusinessType != "individual" {
		return invalid(codeAccountMismatch, "individual[id_number]", "The account's business_type is "+a.BusinessType+"; only an individual account has individual[id_number].")
	}
	provided, aerr := idNumber(c, "individual[id_number]")
	if aerr != nil {
		return aerr
	}
	if a.BusinessType == "" && (provided || from != nil) {
		a.BusinessType = "individual"
	}
	if a.BusinessType != "individual" {
		return nil
	}
	p := &personRec{ID: newID("person_", longID), Account: a.ID, Created: c.now.Unix()}
	if a.Individual != "" {
		if old, ok := c.objs.person(a.Individual); ok {
			p = old
		}
	}
	if from != nil {
		if from.FirstName != "" {
			p.FirstName = from.FirstName
		}
		if from.LastName != "" {
			p.LastName = from.LastName
		}
	}
	if c.params.Has("individual[email]") {
		p.Email = individualEmail
	}
	p.IDNumberProvided = p.IDNumberProvided || provided
	// The individual is the business: its representative and owner.
	p.Relationship = maps.Clone(p.Relationship)
	if p.Relationship == nil {
		p.Relationship = map[string]string{}
	}
	p.Relationship["representative"], p.Relationship["owner"] = "true", "true"
	a.Individual = p.ID
	c.objs.putPerson(p)
	return nil
}

// codeAccountMismatch is Stripe's code for account information that does
// not fit together: here an individual's id number on a company's account.
const codeAccountMismatch = "account_information_mismatch"

// takeTyped consumes a token of kind given as param (account_token,
// id_number).
func takeTyped(c *call, id string, kind model.Kind, param string) (*tokenRec, *model.Error) {
	t, ok := c.objs.token(id)
	switch {
	case !ok:
		return nil, noSuch(http.StatusBadRequest, "token", id, param)
	case t.Type != string(kind):
		spec, _ := model.SpecOf(kind)
		return nil, invalid("", param, "The token "+id+" is "+model.WithArticle(t.Type)+" token; "+param+" takes "+model.WithArticle(spec.Label)+" token ("+spec.Prefixes[0]+"…).")
	case t.Used:
		return nil, invalid("token_already_used", param, "You cannot use a Stripe token more than once: "+id+".")
	}
	t.Used = true
	c.objs.putToken(t)
	return t, nil
}

// idNumber reads an id number parameter: a PII token (consumed) or the
// number itself, which is checked and never kept. provided says one was
// given.
func idNumber(c *call, param string) (provided bool, aerr *model.Error) {
	v := c.params.get(param)
	switch {
	case v == "":
		return false, nil
	case strings.HasPrefix(v, "pii_"):
		_, aerr := takeTyped(c, v, model.KindPII, param)
		return aerr == nil, aerr
	}
	if fe := model.ValidateIDNumber(model.Digits(v)); fe != nil {
		return false, invalid(fe.Code, param, sentence(fe.Message))
	}
	return true, nil
}

// getAccount is GET /v1/accounts/{id}.
func getAccount(c *call) (any, *model.Error) {
	a, ok := c.objs.account(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "account", c.id(), "account")
	}
	return renderAccount(c.objs, a), nil
}

var personParams = slices.Concat([]string{"id_number", "first_name", "last_name", "email", "expand["},
	metadataParams, relationshipObject.params())

// createPerson is POST /v1/accounts/{id}/persons; id_number may be a PII
// token.
func createPerson(c *call) (any, *model.Error) {
	a, ok := c.objs.account(c.ids[0])
	if !ok {
		return nil, noSuch(http.StatusNotFound, "account", c.ids[0], "account")
	}
	md, aerr := readMetadata(c.params, nil)
	if aerr != nil {
		return nil, aerr
	}
	rel, aerr := relationshipObject.read(c.params, nil)
	if aerr != nil {
		return nil, aerr
	}
	email, aerr := readEmail(c.params, "email")
	if aerr != nil {
		return nil, aerr
	}
	provided, aerr := idNumber(c, "id_number")
	if aerr != nil {
		return nil, aerr
	}
	p := &personRec{Metadata: md, Relationship: rel, Email: email,
		ID: newID("person_", longID), Account: a.ID, Created: c.now.Unix(),
		FirstName: c.params.get("first_name"), LastName: c.params.get("last_name"), IDNumberProvided: provided,
	}
	c.objs.putPerson(p)
	return renderPerson(p), nil
}

// getPerson is GET /v1/accounts/{id}/persons/{person}.
func getPerson(c *call) (any, *model.Error) {
	p, ok := c.objs.person(c.id())
	if !ok || p.Account != c.ids[0] {
		return nil, noSuch(http.StatusNotFound, "person", c.id(), "person")
	}
	return renderPerson(p), nil
}

type accountJSON struct {
	ID                 string            `json:"id"`
	Object             string            `json:"object"`
	BusinessProfile    map[string]any    `json:"business_profile"`
	BusinessType       *string           `json:"business_type"`
	Capabilities       map[string]string `json:"capabilities"`
	ChargesEnabled     bool              `json:"charges_enabled"`
	Company            map[string]any    `json:"company,omitempty"`
	Controller         controllerJSON    `json:"controller"`
	Country            string            `json:"country"`
	Created            int64             `json:"created"`
	DefaultCurrency    string            `json:"default_currency"`
	DetailsSubmitted   bool              `json:"details_submitted"`
	Email              *string           `json:"email"`
	ExternalAccounts   *listJSON         `json:"external_accounts"`
	FutureRequirements requirementsJSON  `json:"future_requirements"`
	Individual         *personJSON       `json:"individual,omitempty"`
	Metadata           metadata          `json:"metadata"`
	PayoutsEnabled     bool              `json:"payouts_enabled"`
	Requirements       requirementsJSON  `json:"requirements"`
	Settings           *settingsJSON     `json:"settings"`
	TOSAcceptance      map[string]any    `json:"tos_acceptance"`
	Type               string            `json:"type"`
}

// renderAccount: the emulator's accounts have no capabilities requested,
// so charges and payouts stay disabled, as a new custom account's are.
func renderAccount(o *objects, a *accountRec) *accountJSON {
	out := &accountJSON{
		ID: a.ID, Object: "account", BusinessType: opt(a.BusinessType), Country: a.Country,
		BusinessProfile: businessProfileObject.render(a.BusinessProfile), Capabilities: renderCapabilities(a.Capabilities),
		Company: companyObject.render(a.Company), TOSAcceptance: tosAcceptanceObject.render(a.TOSAcceptance),
		Created: a.Created, DefaultCurrency: "usd", Email: opt(a.Email),
		ExternalAccounts: &listJSON{Object: "list", Data: []any{}, URL: "/v1/accounts/" + a.ID + "/external_accounts"},
		Metadata:         a.Metadata,
	}
	var individual *personRec
	if a.Individual != "" {
		if p, ok := o.person(a.Individual); ok {
			individual, out.Individual = p, renderPerson(p)
		}
	}
	accountDetails(out, a, individual)
	return out
}

type personJSON struct {
	ID                 string                  `json:"id"`
	Object             string                  `json:"object"`
	Account            string                  `json:"account"`
	Address            *billingAddress         `json:"address"`
	Created            int64                   `json:"created"`
	DOB                dobJSON                 `json:"dob"`
	Email              *string                 `json:"email"`
	FirstName          *string                 `json:"first_name"`
	FutureRequirements *personRequirementsJSON `json:"future_requirements"`
	IDNumberProvided   bool                    `json:"id_number_provided"`
	LastName           *string                 `json:"last_name"`
	Metadata           metadata                `json:"metadata"`
	Relationship       map[string]any          `json:"relationship"`
	Requirements       *personRequirementsJSON `json:"requirements"`
	SSNLast4Provided   bool                    `json:"ssn_last_4_provided"`
	Verification       verificationJSON        `json:"verification"`
}

func renderPerson(p *personRec) *personJSON {
	out := &personJSON{
		ID: p.ID, Object: "person", Account: p.Account, Created: p.Created,
		Email: opt(p.Email), FirstName: opt(p.FirstName), IDNumberProvided: p.IDNumberProvided, LastName: opt(p.LastName),
		Relationship: renderRelationship(p.Relationship),
		Metadata:     p.Metadata,
	}
	personDetails(out, p)
	return out
}

// renderRelationship is a person's relationship as Stripe shows it:
// every role, false until given.
func renderRelationship(kept map[string]string) map[string]any {
	out := map[string]any{"director": false, "executive": false, "owner": false, "percent_ownership": nil,
		"representative": false, "title": nil}
	maps.Copy(out, relationshipObject.render(kept))
	return out
}
