package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// POST /v1/customers/{id} and DELETE /v1/customers/{id}. Their events
// (customer.updated with previous_attributes, customer.source.created,
// customer.deleted) follow from the write, as every event does
// (eventtypes.go).

var customerUpdateParams = slices.Concat([]string{"email", "name", "description", "phone", "address",
	"source", "default_source", "expand["}, addressParams("address"), metadataParams, customerUpdateExtraParams)

// updateCustomer is POST /v1/customers/{id}. A parameter given empty
// (email=) unsets its field, as on Stripe; source=<token> replaces the
// default source with the token's card or bank account.
func updateCustomer(c *call) (any, *model.Error) {
	cus, ok := c.objs.customer(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.id(), "id")
	}
	email, aerr := readEmail(c.params, "email")
	if aerr != nil {
		return nil, aerr
	}
	if cus.Metadata, aerr = readMetadata(c.params, cus.Metadata); aerr != nil {
		return nil, aerr
	}
	for name, field := range map[string]*string{"name": &cus.Name,
		"description": &cus.Description, "phone": &cus.Phone} {
		if c.params.Has(name) {
			*field = c.params.get(name)
		}
	}
	if c.params.Has("email") {
		cus.Email = email
	}
	if aerr := updateAddress(c.params, cus); aerr != nil {
		return nil, aerr
	}
	if src := c.params.get("source"); src != "" {
		t, aerr := takeToken(c, src, true)
		if aerr != nil {
			return nil, aerr
		}
		fresh := &customerRec{ID: cus.ID}
		if aerr := attach(fresh, t); aerr != nil {
			return nil, aerr
		}
		cus.Card, cus.Bank = fresh.Card, fresh.Bank
	}
	if _, aerr := readCustomerExtras(c, cus); aerr != nil {
		return nil, aerr
	}
	if id := c.params.get("default_source"); id != "" && !cus.makeDefault(id) {
		return nil, noSuch(http.StatusBadRequest, "source", id, "default_source")
	}
	c.objs.putCustomer(cus)
	return renderCustomer(cus), nil
}

// updateAddress applies address[...], which replaces the address, as
// on Stripe, or address= (unsets it).
func updateAddress(p params, cus *customerRec) *model.Error {
	if p.Has("address") {
		if p.get("address") != "" {
			return invalidObject("address")
		}
		cus.Address = address{}
	}
	if a, given := readAddress(p, "address"); given {
		cus.Address = a
	}
	return nil
}

// deleteCustomer is DELETE /v1/customers/{id}. The record is kept, marked,
// so that its GET answers as Stripe's does and its event shows the
// customer as it was.
func deleteCustomer(c *call) (any, *model.Error) {
	cus, ok := c.objs.customer(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.id(), "id")
	}
	cus.Deleted = true
	c.objs.putCustomer(cus)
	return &deletedJSON{ID: cus.ID, Object: "customer", Deleted: true}, nil
}
