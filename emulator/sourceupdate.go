package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// POST /v1/customers/{customer}/sources/{id} (stripe-node
// customers.updateSource): a card's expiry (a card reissued with a new
// date), name, address and metadata; a bank account's holder name and type
// and metadata. Its customer.source.updated event follows from the
// customer's write (eventtypes.go).

// cardSourceParams and bankSourceParams are what Stripe updates on each.
var (
	cardSourceParams = []string{"address_city", "address_country", "address_line1", "address_line2", "address_state",
		"address_zip", "exp_month", "exp_year", "name"}
	bankSourceParams = []string{"account_holder_name", "account_holder_type"}
)

var sourceUpdateParams = slices.Concat(cardSourceParams, bankSourceParams, metadataParams, []string{"expand["})

// updateSource is POST /v1/customers/{id}/sources/{id}. An empty value
// unsets a field; metadata is merged as everywhere.
func updateSource(c *call) (any, *model.Error) {
	cus, ok := c.objs.customer(c.ids[0])
	if !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.ids[0], "customer")
	}
	s, ok := cus.source(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "source", c.id(), "id")
	}
	var aerr *model.Error
	if s.Card != nil {
		aerr = updateCardSource(c, s.Card)
	} else {
		aerr = updateBankSource(c, s.Bank)
	}
	if aerr != nil {
		return nil, aerr
	}
	c.objs.putCustomer(cus)
	return s.listed().json, nil
}

func updateCardSource(c *call, card *cardRec) *model.Error {
	if aerr := refuseOthers(c, bankSourceParams); aerr != nil {
		return aerr
	}
	md, aerr := readMetadata(c.params, card.Metadata)
	if aerr != nil {
		return aerr
	}
	a := &card.Address
	for param, field := range map[string]*string{"name": &card.Name, "address_city": &a.City, "address_country": &a.Country,
		"address_line1": &a.Line1, "address_line2": &a.Line2, "address_state": &a.State, "address_zip": &a.Zip} {
		if c.params.Has(param) {
			*field = c.params.get(param)
		}
	}
	if aerr := updateExpiry(c, card, "%s"); aerr != nil {
		return aerr
	}
	card.Metadata = md
	return nil
}

func updateBankSource(c *call, bank *bankRec) *model.Error {
	if aerr := refuseOthers(c, cardSourceParams); aerr != nil {
		return aerr
	}
	md, aerr := readMetadata(c.params, bank.Metadata)
	if aerr != nil {
		return aerr
	}
	if aerr := readChoice(c, "account_holder_type", &bank.HolderType, "individual", "company"); aerr != nil {
		return aerr
	}
	if c.params.Has("account_holder_name") {
		bank.HolderName = c.params.get("account_holder_name")
	}
	bank.Metadata = md
	return nil
}

// refuseOthers refuses the params of the other kind of source, as
// Stripe's update of one kind does not know them.
func refuseOthers(c *call, others []string) *model.Error {
	for _, p := range others {
		if c.params.Has(p) {
			return invalid("parameter_unknown", p, "Received unknown parameter: "+p)
		}
	}
	return nil
}

// shown is the metadata as an object shows it: {} when there is none.
func (m metadata) shown() map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
