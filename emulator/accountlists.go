package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// GET /v1/accounts and GET /v1/accounts/{id}/persons, paged as every list.

var accountListParams = append(append([]string{}, createdParams...), pageParams...)

// listAccounts is GET /v1/accounts: the connected accounts, newest first.
func listAccounts(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	keep := func(a *accountRec) bool { return cr.holds(a.Created) }
	render := func(a *accountRec) any { return renderAccount(c.objs, a) }
	return collectionLister(c, accountsColl, "/v1/accounts", "account", keep, render).page(pg)
}

// personRelationships are the relationship[...] filters of a persons list.
var personRelationships = []string{"authorizer", "director", "executive", "legal_guardian", "owner", "representative"}

var personListParams = func() []string {
	out := slices.Clone(pageParams)
	for _, r := range personRelationships {
		out = append(out, "relationship["+r+"]")
	}
	return out
}()

// listPersons is GET /v1/accounts/{id}/persons, newest first;
// relationship[owner]=true keeps the owners (false: those who are not).
func listPersons(c *call) (any, *model.Error) {
	a, ok := c.objs.account(c.ids[0])
	if !ok {
		return nil, noSuch(http.StatusNotFound, "account", c.ids[0], "account")
	}
	pg, aerr := readPage(c.params)
	if aerr != nil {
		return nil, aerr
	}
	want := map[string]bool{}
	for _, name := range personRelationships {
		if key := "relationship[" + name + "]"; c.params.Has(key) {
			if want[name], aerr = c.params.boolean(key); aerr != nil {
				return nil, aerr
			}
		}
	}
	keep := func(p *personRec) bool {
		if p.Account != a.ID {
			return false
		}
		for name, v := range want {
			if (p.Relationship[name] == "true") != v {
				return false
			}
		}
		return true
	}
	render := func(p *personRec) any { return renderPerson(p) }
	return collectionLister(c, personsColl, "/v1/accounts/"+a.ID+"/persons", "person", keep, render).page(pg)
}
