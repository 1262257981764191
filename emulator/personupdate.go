package emulator

import (
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

// updatePerson is POST /v1/accounts/{account}/persons/{person}: a person's
// names and id number, the way Stripe takes a company representative's
// (or an individual's). The id number is a PII token (consumed) or the
// number itself, checked and never kept: only that one was given.
func updatePerson(c *call) (any, *model.Error) {
	a, ok := c.objs.account(c.ids[0])
	if !ok {
		return nil, noSuch(http.StatusNotFound, "account", c.ids[0], "account")
	}
	p, ok := c.objs.person(c.id())
	if !ok || p.Account != a.ID {
		return nil, noSuch(http.StatusNotFound, "person", c.id(), "person")
	}
	if a.FromToken {
		// As the account itself: made with a token, it takes tokens
		// only, and an id number is one (or stands for one).
		for _, key := range []string{"first_name", "last_name", "email"} {
			if c.params.Has(key) {
				return nil, invalid("", key, "This person can only be updated with a person token, because its account was originally created with an account token. (Attempted to update param '"+key+"' directly.)")
			}
		}
	}
	rel, aerr := relationshipObject.read(c.params, p.Relationship)
	if aerr != nil {
		return nil, aerr
	}
	p.Relationship = rel
	provided, aerr := idNumber(c, "id_number")
	if aerr != nil {
		return nil, aerr
	}
	p.FirstName = cmpOr(c.params.get("first_name"), p.FirstName)
	p.LastName = cmpOr(c.params.get("last_name"), p.LastName)
	p.IDNumberProvided = p.IDNumberProvided || provided
	c.objs.putPerson(p)
	if a.Individual == p.ID {
		// The account shows its individual: written after the person, its
		// account.updated names what changed.
		c.objs.putAccount(a)
	}
	return renderPerson(p), nil
}
