package emulator

import (
	"net/http"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

var customerParams = slices.Concat([]string{"source", "email", "description", "name", "phone", "expand["},
	addressParams("address"), metadataParams, customerExtraParams)

// readCustomer reads an intent's optional customer parameter into
// *into; the customer must exist (a 400 naming the parameter, as
// Stripe's).
func readCustomer(c *call, into *string) *model.Error {
	cus := c.params.get("customer")
	if cus == "" {
		return nil
	}
	if _, ok := c.objs.customer(cus); !ok {
		return noSuch(http.StatusBadRequest, "customer", cus, "customer")
	}
	*into = cus
	return nil
}

// createCustomer is POST /v1/customers, optionally with source=<token>,
// which attaches the card or bank account and consumes the token.
func createCustomer(c *call) (any, *model.Error) {
	md, aerr := readMetadata(c.params, nil)
	if aerr != nil {
		return nil, aerr
	}
	email, aerr := readEmail(c.params, "email")
	if aerr != nil {
		return nil, aerr
	}
	cus := &customerRec{
		ID: newID("cus_", shortID), Created: c.now.Unix(),
		Email: email, Description: c.params.get("description"), Metadata: md,
		Name: c.params.get("name"), Phone: c.params.get("phone"),
	}
	cus.Address, _ = readAddress(c.params, "address")
	pm, aerr := readCustomerExtras(c, cus)
	if aerr != nil {
		return nil, aerr
	}
	if src := c.params.get("source"); src != "" {
		t, aerr := takeToken(c, src, true)
		if aerr != nil {
			return nil, aerr
		}
		if aerr := attach(cus, t); aerr != nil {
			return nil, aerr
		}
	}
	c.objs.putCustomer(cus)
	if pm != nil {
		c.objs.putPaymentMethod(pm)
	}
	return renderCustomer(cus), nil
}

// attach gives the customer the token's card or bank account. Cards that
// simulate issuer declines cannot be attached ("You can't attach cards that
// simulate issuer declines to a Customer object"): Stripe's $0 check is
// declined with the card's decline code.
func attach(cus *customerRec, t *tokenRec) *model.Error {
	if t.Card != nil {
		if p, ok := model.CardByName(t.Card.Preset); ok && p.Outcome.NoAttach {
			return declined(p.Outcome.Code, p.Outcome.DeclineCode, p.Outcome.Message, declineParams[p.Outcome.Code])
		}
		card := *t.Card
		card.Customer = cus.ID
		cus.Card = &card
		return nil
	}
	bank := *t.Bank
	bank.Customer = cus.ID
	cus.Bank = &bank
	return nil
}

var customerListParams = append([]string{"email", "test_clock"}, append(createdParams, pageParams...)...)

// listCustomers is GET /v1/customers, newest first, filtered by email
// (exactly: Stripe's filter is case-sensitive) and created. The emulator
// has no test clocks, so a test_clock filter matches nothing.
func listCustomers(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	email, byEmail := c.params.get("email"), c.params.Has("email")
	byClock := c.params.Has("test_clock")
	keep := func(cus *customerRec) bool {
		return !cus.Deleted && cr.holds(cus.Created) && (!byEmail || cus.Email == email) && !byClock
	}
	return collectionLister(c, customersColl, "/v1/customers", "customer", keep, renderListedCustomer).page(pg)
}

func renderListedCustomer(cus *customerRec) any { return renderCustomer(cus) }

// getCustomer is GET /v1/customers/{id}; a deleted customer is Stripe's
// deleted_customer, {id, object, deleted: true}.
func getCustomer(c *call) (any, *model.Error) {
	cus, ok := c.objs.customerOrDeleted(c.id())
	switch {
	case !ok:
		return nil, noSuch(http.StatusNotFound, "customer", c.id(), "id")
	case cus.Deleted:
		return &deletedJSON{ID: cus.ID, Object: "customer", Deleted: true}, nil
	}
	return renderCustomer(cus), nil
}

type customerJSON struct {
	ID                  string          `json:"id"`
	Object              string          `json:"object"`
	Address             *billingAddress `json:"address"`
	Balance             int64           `json:"balance"`
	Created             int64           `json:"created"`
	Currency            *string         `json:"currency"`
	DefaultSource       *string         `json:"default_source"`
	Delinquent          bool            `json:"delinquent"`
	Description         *string         `json:"description"`
	Discount            *struct{}       `json:"discount"`
	Email               *string         `json:"email"`
	InvoicePrefix       string          `json:"invoice_prefix"`
	InvoiceSettings     invoiceSettings `json:"invoice_settings"`
	Livemode            bool            `json:"livemode"`
	Metadata            metadata        `json:"metadata"`
	Name                *string         `json:"name"`
	NextInvoiceSequence int             `json:"next_invoice_sequence"`
	Phone               *string         `json:"phone"`
	PreferredLocales    []string        `json:"preferred_locales"`
	Shipping            *shippingJSON   `json:"shipping"`
	TaxExempt           string          `json:"tax_exempt"`
	TestClock           *string         `json:"test_clock"`
}

type invoiceSettings struct {
	CustomFields         []any     `json:"custom_fields"`
	DefaultPaymentMethod *string   `json:"default_payment_method"`
	Footer               *string   `json:"footer"`
	RenderingOptions     *struct{} `json:"rendering_options"`
}

// renderCustomer leaves sources out: since API version 2020-08-27 Stripe
// shows them only when expanded (expand[]=sources).
func renderCustomer(cus *customerRec) *customerJSON {
	out := &customerJSON{
		ID: cus.ID, Object: "customer", Created: cus.Created,
		DefaultSource: opt(cus.defaultSource()),
		Description:   opt(cus.Description), Email: opt(cus.Email), Name: opt(cus.Name), Phone: opt(cus.Phone),
		InvoicePrefix:       strings.ToUpper(stableID("", cus.ID, 8)),
		Metadata:            cus.Metadata,
		NextInvoiceSequence: 1, PreferredLocales: []string{}, TaxExempt: "none",
	}
	cus.customerExtras.show(out)
	if cus.Address != (address{}) {
		a := cus.Address.render()
		out.Address = &a
	}
	return out
}
