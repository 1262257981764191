package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// A customer's sources beyond the first: POST /v1/customers/{id}/sources
// adds one, DELETE /v1/customers/{id}/sources/{id} removes one, and
// default_source on an update picks which one charges use. Their events
// (customer.source.created, .deleted) follow from the customer's write.

// sourceRec is one source: a card or a bank account.
type sourceRec struct {
	Card *cardRec `json:"card,omitempty"`
	Bank *bankRec `json:"bank_account,omitempty"`
}

func (s sourceRec) id() string {
	if s.Card != nil {
		return s.Card.ID
	}
	return s.Bank.ID
}

// listed is the source as a list item: its id, object and rendering.
func (s sourceRec) listed() customerSource {
	if s.Card != nil {
		return customerSource{s.Card.ID, "card", renderCard(s.Card)}
	}
	return customerSource{s.Bank.ID, "bank_account", renderBank(s.Bank)}
}

// sources are the customer's sources: the default first, then the others
// newest first.
func (cus *customerRec) sources() []sourceRec {
	var out []sourceRec
	if cus.Card != nil || cus.Bank != nil {
		out = append(out, sourceRec{cus.Card, cus.Bank})
	}
	for _, s := range slices.Backward(cus.Others) {
		out = append(out, s)
	}
	return out
}

// source is the customer's source id.
func (cus *customerRec) source(id string) (sourceRec, bool) {
	for _, s := range cus.sources() {
		if s.id() == id {
			return s, true
		}
	}
	return sourceRec{}, false
}

// addSource gives the customer s: its default source if it has none.
func (cus *customerRec) addSource(s sourceRec) {
	if cus.defaultSource() == "" {
		cus.Card, cus.Bank = s.Card, s.Bank
		return
	}
	cus.Others = append(cus.Others, s)
}

// makeDefault makes source id the default, the old default one of the
// others; false if the customer has no such source.
func (cus *customerRec) makeDefault(id string) bool {
	if id == cus.defaultSource() {
		return true
	}
	i := slices.IndexFunc(cus.Others, func(s sourceRec) bool { return s.id() == id })
	if i < 0 {
		return false
	}
	chosen := cus.Others[i]
	cus.Others[i] = sourceRec{cus.Card, cus.Bank}
	cus.Card, cus.Bank = chosen.Card, chosen.Bank
	return true
}

// removeSource removes source id. As on Stripe, when it was the default
// the most recently added of the others becomes the default.
func (cus *customerRec) removeSource(id string) bool {
	if id != cus.defaultSource() {
		n := len(cus.Others)
		cus.Others = slices.DeleteFunc(cus.Others, func(s sourceRec) bool { return s.id() == id })
		return len(cus.Others) < n
	}
	cus.Card, cus.Bank = nil, nil
	if n := len(cus.Others); n > 0 {
		cus.Card, cus.Bank = cus.Others[n-1].Card, cus.Others[n-1].Bank
		cus.Others = cus.Others[:n-1]
	}
	return true
}

var sourceCreateParams = []string{"source", "expand["}

// createSource is POST /v1/customers/{id}/sources source=<token>: the
// token's card or bank account, which becomes the default source only if
// the customer had none.
func createSource(c *call) (any, *model.Error) {
	cus, ok := c.objs.customer(c.ids[0])
	if !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.ids[0], "customer")
	}
	tok := c.params.get("source")
	if tok == "" {
		return nil, missingParam("source")
	}
	t, aerr := takeToken(c, tok, true)
	if aerr != nil {
		return nil, aerr
	}
	fresh := &customerRec{ID: cus.ID}
	if aerr := attach(fresh, t); aerr != nil {
		return nil, aerr
	}
	s := sourceRec{fresh.Card, fresh.Bank}
	cus.addSource(s)
	c.objs.putCustomer(cus)
	return s.listed().json, nil
}

// deleteSource is DELETE /v1/customers/{id}/sources/{id}: Stripe answers
// with the deleted card or bank account's {id, object, deleted: true}.
func deleteSource(c *call) (any, *model.Error) {
	cus, ok := c.objs.customer(c.ids[0])
	if !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.ids[0], "customer")
	}
	s, ok := cus.source(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "source", c.id(), "id")
	}
	cus.removeSource(s.id())
	c.objs.putCustomer(cus)
	return &deletedJSON{ID: s.id(), Object: s.listed().object, Deleted: true}, nil
}
