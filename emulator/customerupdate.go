package emulator

import (
	"net/http"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// POST /v1/customers/{id} and DELETE /v1/customers/{id}. Their events
// (customer.updated with previous_attributes, customer.source.created,
// customer.deleted) follow from the write, as every event does
// (eventtypes.go).

var customerUpdateParams = []string{"email", "name", "description", "phone", "address", "address[",
	"source", "default_source", "expand["}

// addressFields are the parts of address[...] and what address holds each.
var addressFields = map[string]func(*address) *string{
	"city": func(a *address) *string { return &a.City }, "country": func(a *address) *string { return &a.Country },
	"line1": func(a *address) *string { return &a.Line1 }, "line2": func(a *address) *string { return &a.Line2 },
	"postal_code": func(a *address) *string { return &a.Zip }, "state": func(a *address) *string { return &a.State },
}

// updateCustomer is POST /v1/customers/{id}. A parameter given empty
// (email=) unsets its field, as on Stripe; source=<token> replaces the
// default source with the token's card or bank account.
func updateCustomer(c *call) (any, *model.Error) {
	cus, ok := c.objs.customer(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.id(), "id")
	}
	for name, field := range map[string]*string{"email": &cus.Email, "name": &cus.Name,
		"description": &cus.Description, "phone": &cus.Phone} {
		if c.params.Has(name) {
			*field = c.params.get(name)
		}
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
	if id := c.params.get("default_source"); id != "" && !cus.makeDefault(id) {
		return nil, noSuch(http.StatusBadRequest, "source", id, "default_source")
	}
	c.objs.putCustomer(cus)
	return renderCustomer(cus), nil
}

// updateAddress applies address[...] (each part given empty unsets it)
// and address= (unsets the address).
func updateAddress(p params, cus *customerRec) *model.Error {
	if p.Has("address") {
		if p.get("address") != "" {
			return invalid("", "address", "Invalid object: address takes address[line1], address[city], ... or an empty string to unset it.")
		}
		cus.Address = nil
	}
	for key := range p.Values {
		rest, ok := strings.CutPrefix(key, "address[")
		part, closed := strings.CutSuffix(rest, "]")
		if !ok || !closed {
			continue
		}
		field := addressFields[part]
		if field == nil {
			return invalid("parameter_unknown", key, "Received unknown parameter: "+key)
		}
		if cus.Address == nil {
			cus.Address = &address{}
		}
		*field(cus.Address) = p.get(key)
	}
	return nil
}

// renderAddress is Stripe's address object, null when none was given.
func renderAddress(a *address) *billingAddress {
	if a == nil {
		return nil
	}
	return &billingAddress{City: opt(a.City), Country: opt(a.Country), Line1: opt(a.Line1),
		Line2: opt(a.Line2), PostalCode: opt(a.Zip), State: opt(a.State)}
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
