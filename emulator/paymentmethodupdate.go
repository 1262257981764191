package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/tokenscope/tokenscope/model"
)

// POST /v1/payment_methods/{id}: a card PaymentMethod's billing details,
// metadata and expiry (a card reissued with a new date), as Stripe
// updates one attached to a customer. Its payment_method.updated event
// follows from the write (eventtypes.go).

var paymentMethodUpdateParams = slices.Concat([]string{"billing_details[name]", "billing_details[email]", "billing_details[phone]",
	"billing_details[address]", "card[exp_month]", "card[exp_year]", "expand["},
	addressParams("billing_details[address]"), metadataParams)

// updatePaymentMethod is POST /v1/payment_methods/{id}. An empty value
// unsets a billing detail; billing_details[address][...] replaces the
// address.
func updatePaymentMethod(c *call) (any, *model.Error) {
	pm, ok := c.objs.paymentMethod(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "PaymentMethod", c.id(), "payment_method")
	}
	if pm.Customer == "" {
		// Stripe's words, as stripe-ruby-mock's live-tested spec
		// expects them and integrations report them.
		return nil, invalid("", "", "You must save this PaymentMethod to a customer before you can update it.")
	}
	md, aerr := readMetadata(c.params, pm.Metadata)
	if aerr != nil {
		return nil, aerr
	}
	pm.Metadata = md
	if c.params.Has("billing_details[email]") {
		if pm.Email, aerr = readEmail(c.params, "billing_details[email]"); aerr != nil {
			return nil, aerr
		}
	}
	card := pm.Card
	for param, field := range map[string]*string{"billing_details[name]": &card.Name, "billing_details[phone]": &pm.Phone} {
		if c.params.Has(param) {
			*field = c.params.get(param)
		}
	}
	if c.params.Has("billing_details[address]") {
		if c.params.get("billing_details[address]") != "" {
			return nil, invalidObject("billing_details[address]")
		}
		card.Address = address{}
	}
	if a, given := readAddress(c.params, "billing_details[address]"); given {
		card.Address = a
	}
	if aerr := updateExpiry(c, card, "card[%s]"); aerr != nil {
		return nil, aerr
	}
	c.objs.putPaymentMethod(pm)
	return renderPaymentMethod(pm), nil
}

// updateExpiry applies exp_month and exp_year, named as the update names
// them (param: "card[%s]" for card[exp_month]), checked as a new card's are.
func updateExpiry(c *call, card *cardRec, param string) *model.Error {
	month, year := card.ExpMonth, card.ExpYear
	for param, into := range map[string]*int{fmt.Sprintf(param, "exp_month"): &month, fmt.Sprintf(param, "exp_year"): &year} {
		if !c.params.Has(param) {
			continue
		}
		n, err := strconv.Atoi(c.params.get(param))
		if err != nil {
			return invalid("parameter_invalid_integer", param, "Invalid integer: "+c.params.get(param))
		}
		*into = n
	}
	if year < 100 {
		year += 2000 // Stripe reads "34" as 2034
	}
	if aerr := fieldError(model.ValidateExpiry(month, year, c.now)); aerr != nil {
		aerr.Param = fmt.Sprintf(param, aerr.Param)
		return aerr
	}
	card.ExpMonth, card.ExpYear = month, year
	return nil
}
