package emulator

import (
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

// takeToken finds the token a customer or a charge uses as its source, checks
// it can serve as one, and consumes it. A stored token is marked used before
// the outcome is known: Stripe consumes a token on a declined charge and on
// a refused attach too. A magic token is never consumed; like Stripe, each
// use mints a new card.
func takeToken(c *call, id string, allowBank bool) (*tokenRec, *model.Error) {
	t, ok := findToken(c.objs, id, c.now)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "token", id, model.ParamSource)
	}
	if t.Used {
		return nil, invalid("token_already_used", model.ParamSource, "You cannot use a Stripe token more than once: "+id+".")
	}
	switch {
	case t.Bank != nil && !allowBank:
		// Stripe debits a bank account only as a customer's verified source
		// (ACH): a bank account token is never a charge's source by itself.
		// bank_account_unverified is the code Stripe gives a charge on an
		// unverified account, which a fresh bank token always is.
		return nil, invalid("bank_account_unverified", model.ParamSource,
			"A bank account token cannot be charged directly. Attach it to a customer (POST /v1/customers source="+id+"), verify the account, then charge the customer.")
	case t.Card == nil && t.Bank == nil:
		return nil, invalid("", model.ParamSource,
			"The token "+id+" is a "+t.Type+" token; only card and bank account tokens can be used as a source.")
	}
	if _, magic := model.MagicTokens[id]; magic {
		t.Card.ID = newID("card_", longID) // findToken made t afresh for this use
		return t, nil
	}
	t.Used = true
	c.objs.putToken(t)
	return t, nil
}

// A customer's sources are Stripe's /v1/customers/{id}/sources, and the
// older /cards and /bank_accounts, which list and retrieve one kind only.

var sourceListParams = append([]string{"object"}, pageParams...)

// sourceKinds are the objects each path lists: "" any.
var sourceKinds = map[string]string{"sources": "", "cards": "card", "bank_accounts": "bank_account"}

// customerSource is a customer's source as a list item: its id, object
// and rendering.
type customerSource struct {
	id, object string
	json       any
}

// listSources answers GET /v1/customers/{id}/<kind> for kind sources (with
// an object filter), cards or bank_accounts.
func listSources(kind string) func(*call) (any, *model.Error) {
	return func(c *call) (any, *model.Error) {
		pg, aerr := readPage(c.params)
		if aerr != nil {
			return nil, aerr
		}
		cus, ok := c.objs.customer(c.ids[0])
		if !ok {
			return nil, noSuch(http.StatusNotFound, "customer", c.ids[0], "customer")
		}
		object := sourceKinds[kind]
		if object == "" {
			object = c.params.get("object")
		}
		var ids []string
		var objs []any
		for _, s := range cus.sources() {
			if src := s.listed(); object == "" || object == src.object {
				ids, objs = append(ids, src.id), append(objs, src.json)
			}
		}
		return sliceLister("/v1/customers/"+cus.ID+"/"+kind, "source", ids, objs).page(pg)
	}
}

// getSource answers GET /v1/customers/{id}/<kind>/{source}.
func getSource(kind string) func(*call) (any, *model.Error) {
	return func(c *call) (any, *model.Error) {
		cus, ok := c.objs.customer(c.ids[0])
		if !ok {
			return nil, noSuch(http.StatusNotFound, "customer", c.ids[0], "customer")
		}
		s, ok := cus.source(c.id())
		if !ok || (sourceKinds[kind] != "" && sourceKinds[kind] != s.listed().object) {
			return nil, noSuch(http.StatusNotFound, "source", c.id(), "id")
		}
		return s.listed().json, nil
	}
}
