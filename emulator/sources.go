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

// listJSON is Stripe's list object, here for customer.sources.
type listJSON struct {
	Object  string `json:"object"`
	Data    []any  `json:"data"`
	HasMore bool   `json:"has_more"`
	URL     string `json:"url"`
}
