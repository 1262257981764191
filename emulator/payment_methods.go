package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// PaymentMethods: POST /v1/payment_methods type=card card[token]=tok_..
// consumes the token (Stripe's way from the Tokens API to the
// PaymentMethods API); Stripe's test PaymentMethods (pm_card_visa) read
// as themselves and, when a request uses one, become a new pm_ of their
// own, as Stripe clones them.

const paramCardToken = "card[token]"

var paymentMethodParams = slices.Concat([]string{"type", paramCardToken, "customer", "expand[",
	"billing_details[name]", "billing_details[email]", "billing_details[phone]",
	"card[number]", "card[exp_month]", "card[exp_year]", "card[cvc]"},
	addressParams("billing_details[address]"), metadataParams)

// createPaymentMethod is POST /v1/payment_methods, from a card token
// (card[token], consumed) or from the card's number, expiry and CVC, as
// Stripe's test mode takes them; either is kept as a token's card is:
// never the number or the CVC.
func createPaymentMethod(c *call) (any, *model.Error) {
	switch typ := c.params.get("type"); {
	case typ == "":
		return nil, missingParam("type")
	case typ != "card":
		return nil, invalid("", "type", "The emulator makes card PaymentMethods only (type=card); got type="+typ+".")
	}
	md, aerr := readMetadata(c.params, nil)
	if aerr != nil {
		return nil, aerr
	}
	email, aerr := readEmail(c.params, "billing_details[email]")
	if aerr != nil {
		return nil, aerr
	}
	var card *cardRec
	switch tokID := c.params.get(paramCardToken); {
	case tokID != "" && c.params.has("card[number]"):
		return nil, invalid("", "card[number]", "Pass either card[token] or the card's number, expiry and CVC, not both.")
	case tokID != "":
		if card, aerr = tokenCard(c, tokID); aerr != nil {
			return nil, aerr
		}
	case c.params.has("card["):
		if card, aerr = cardFromParams(c); aerr != nil {
			return nil, aerr
		}
	default:
		return nil, missingParam("card")
	}
	card.Name = cmpOr(c.params.get("billing_details[name]"), card.Name)
	if addr, given := readAddress(c.params, "billing_details[address]"); given {
		card.Address = addr
	}
	pm := &paymentMethodRec{ID: newID("pm_", longID), Created: c.now.Unix(), Card: card, Metadata: md,
		Email: email, Phone: c.params.get("billing_details[phone]")}
	if cus := c.params.get("customer"); cus != "" {
		if aerr := attachPaymentMethod(c, pm, cus); aerr != nil {
			return nil, aerr
		}
	}
	c.objs.putPaymentMethod(pm)
	return renderPaymentMethod(pm), nil
}

// tokenCard consumes the card token a PaymentMethod is made from and
// returns a copy of its card.
func tokenCard(c *call, tokID string) (*cardRec, *model.Error) {
	t, ok := findToken(c.objs, tokID, c.now)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "token", tokID, paramCardToken)
	}
	if t.Card == nil {
		return nil, invalid("", paramCardToken, "The token "+tokID+" is a "+t.Type+" token; a card PaymentMethod is made from a card token.")
	}
	t, aerr := takeToken(c, tokID, false)
	if aerr != nil {
		aerr.Param = paramCardToken
		return nil, aerr
	}
	card := *t.Card
	return &card, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// findPaymentMethod reads a stored PaymentMethod, or the one a test
// PaymentMethod's name stands for, with that name as its id.
func findPaymentMethod(o *objects, id string, c *call) (*paymentMethodRec, bool) {
	if pm, ok := o.paymentMethod(id); ok {
		return pm, true
	}
	preset, ok := model.TestPaymentMethods[id]
	if !ok {
		return nil, false
	}
	return &paymentMethodRec{ID: id, Created: c.now.Unix(), Card: magicCard(o, preset, stableID("card_", id, longID), c.now)}, true
}

// usePaymentMethod finds the PaymentMethod a request names in param; a
// test PaymentMethod becomes a new stored one, as Stripe clones it.
func usePaymentMethod(c *call, id, param string) (*paymentMethodRec, *model.Error) {
	pm, ok := findPaymentMethod(c.objs, id, c)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "PaymentMethod", id, param)
	}
	if _, test := model.TestPaymentMethods[id]; test {
		pm.ID = newID("pm_", longID)
		c.objs.putPaymentMethod(pm)
	}
	return pm, nil
}

// getPaymentMethod is GET /v1/payment_methods/{id}.
func getPaymentMethod(c *call) (any, *model.Error) {
	pm, ok := findPaymentMethod(c.objs, c.id(), c)
	if !ok {
		pm, ok = c.objs.paymentMethodFor(c.id(), "") // a customer's card
	}
	if !ok {
		return nil, noSuch(http.StatusNotFound, "PaymentMethod", c.id(), "payment_method")
	}
	return renderPaymentMethod(pm), nil
}

// attachPaymentMethod gives pm to the customer cusID. A card that
// simulates an issuer decline cannot be attached, as for a source.
func attachPaymentMethod(c *call, pm *paymentMethodRec, cusID string) *model.Error {
	if _, ok := c.objs.customer(cusID); !ok {
		return noSuch(http.StatusBadRequest, "customer", cusID, "customer")
	}
	return attachTo(pm, cusID)
}

// attachTo gives pm to the customer cusID, unless it is spent, another
// customer's or a card that cannot be attached.
func attachTo(pm *paymentMethodRec, cusID string) *model.Error {
	if pm.SpentBy != "" {
		return invalid("", "", msgPMSpentAttach)
	}
	if pm.Customer != "" && pm.Customer != cusID {
		return invalid("", "", "The payment method you provided has already been attached to a customer.")
	}
	if p, ok := model.CardByName(pm.Card.Preset); ok && p.Outcome.NoAttach {
		return declined(p.Outcome.Code, p.Outcome.DeclineCode, p.Outcome.Message, declineParams[p.Outcome.Code])
	}
	pm.Customer = cusID
	return nil
}

// attachPaymentMethodTo is POST /v1/payment_methods/{id}/attach.
func attachPaymentMethodTo(c *call) (any, *model.Error) {
	cus := c.params.get("customer")
	if cus == "" {
		return nil, missingParam("customer")
	}
	pm, ok := findPaymentMethod(c.objs, c.id(), c)
	if !ok {
		return nil, noSuch(http.StatusNotFound, "PaymentMethod", c.id(), "payment_method")
	}
	_, test := model.TestPaymentMethods[c.id()]
	if test {
		pm.ID = newID("pm_", longID)
	}
	if aerr := attachPaymentMethod(c, pm, cus); aerr != nil {
		return nil, aerr
	}
	if test {
		// Stripe clones a test PaymentMethod, then attaches the clone:
		// stored unattached first, its attach is an update of it, which
		// makes payment_method.attached (eventtypes.go).
		clone := *pm
		clone.Customer = ""
		c.objs.putPaymentMethod(&clone)
	}
	c.objs.putPaymentMethod(pm)
	return renderPaymentMethod(pm), nil
}

// detachPaymentMethod is POST /v1/payment_methods/{id}/detach.
func detachPaymentMethod(c *call) (any, *model.Error) {
	pm, ok := c.objs.paymentMethod(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "PaymentMethod", c.id(), "payment_method")
	}
	if pm.Customer == "" {
		return nil, invalid("", "", "The payment method you provided is not attached to a customer so detachment is impossible.")
	}
	cusID := pm.Customer
	pm.Customer, pm.SpentBy = "", spentByDetach
	c.objs.putPaymentMethod(pm)
	dropDefaultPM(c, cusID, pm.ID)
	return renderPaymentMethod(pm), nil
}

var paymentMethodListParams = append([]string{"customer", "type"}, pageParams...)

// customerPaymentMethodListParams: the customer is in the path.
var customerPaymentMethodListParams = append([]string{"type"}, pageParams...)

// listPaymentMethods is GET /v1/payment_methods, filtered by customer and
// type, newest first.
//
// Without customer it lists the account's own PaymentMethods, those
// attached to no customer: Stripe's reference lists "PaymentMethods for
// Treasury flows" there and sends whoever wants a customer's to the
// customer's list (GET /v1/customers/{id}/payment_methods).
func listPaymentMethods(c *call) (any, *model.Error) {
	return pagePaymentMethods(c, c.params.get("customer"), "/v1/payment_methods")
}

// listCustomerPaymentMethods is GET /v1/customers/{id}/payment_methods.
func listCustomerPaymentMethods(c *call) (any, *model.Error) {
	if _, ok := c.objs.customer(c.ids[0]); !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.ids[0], "customer")
	}
	return pagePaymentMethods(c, c.ids[0], "/v1/customers/"+c.ids[0]+"/payment_methods")
}

// pagePaymentMethods lists the PaymentMethods attached to customer, or
// to none when customer is "".
func pagePaymentMethods(c *call, customer, url string) (any, *model.Error) {
	pg, aerr := readPage(c.params)
	if aerr != nil {
		return nil, aerr
	}
	typ := c.params.get("type")
	keep := func(pm *paymentMethodRec) bool {
		return pm.Customer == customer && (typ == "" || typ == "card")
	}
	if customer != "" { // its cards too
		return customerMethods(c, customer, url, keep).page(pg)
	}
	return collectionLister(c, paymentMethodsColl, url, "PaymentMethod", keep, renderListedPaymentMethod).page(pg)
}

func renderListedPaymentMethod(pm *paymentMethodRec) any { return renderPaymentMethod(pm) }

type paymentMethodJSON struct {
	ID             string         `json:"id"`
	Object         string         `json:"object"`
	AllowRedisplay string         `json:"allow_redisplay"`
	BillingDetails billingDetails `json:"billing_details"`
	Card           pmCardJSON     `json:"card"`
	Created        int64          `json:"created"`
	Customer       *string        `json:"customer"`
	Livemode       bool           `json:"livemode"`
	Metadata       metadata       `json:"metadata"`
	Type           string         `json:"type"`
}

type pmCardJSON struct {
	Brand             string         `json:"brand"`
	Checks            pmChecks       `json:"checks"`
	Country           *string        `json:"country"`
	DisplayBrand      *string        `json:"display_brand"`
	ExpMonth          int            `json:"exp_month"`
	ExpYear           int            `json:"exp_year"`
	Fingerprint       *string        `json:"fingerprint"`
	Funding           string         `json:"funding"`
	GeneratedFrom     *struct{}      `json:"generated_from"`
	Last4             string         `json:"last4"`
	Networks          pmNetworks     `json:"networks"`
	RegulatedStatus   string         `json:"regulated_status"`
	ThreeDSecureUsage threeDSecureOK `json:"three_d_secure_usage"`
	Wallet            *struct{}      `json:"wallet"`
}

type pmNetworks struct {
	Available []string `json:"available"`
	Preferred *string  `json:"preferred"`
}

type threeDSecureOK struct {
	Supported bool `json:"supported"`
}

func renderPaymentMethod(pm *paymentMethodRec) *paymentMethodJSON {
	card := pm.Card
	net := network(card.Brand)
	return &paymentMethodJSON{
		ID: pm.ID, Object: "payment_method", AllowRedisplay: "unspecified",
		BillingDetails: billingDetails{
			Address: card.Address.render(), Email: opt(pm.Email), Name: opt(card.Name), Phone: opt(pm.Phone),
		},
		Card: pmCardJSON{
			Brand: net,
			Checks: pmChecks{
				AddressLine1Check: opt(card.Line1Check), AddressPostalCodeCheck: opt(card.ZipCheck),
				CVCCheck: opt(card.CVCCheck),
			},
			Country: opt(card.Country), DisplayBrand: opt(net), ExpMonth: card.ExpMonth, ExpYear: card.ExpYear,
			Fingerprint: opt(card.Fingerprint), Funding: card.Funding, Last4: card.Last4,
			Networks: pmNetworks{Available: []string{net}},
			// Stripe's test cards are issued by unregulated banks, and
			// every one supports 3D Secure but American Express's.
			RegulatedStatus:   "unregulated",
			ThreeDSecureUsage: threeDSecureOK{Supported: card.Brand != model.BrandAmex},
		},
		Created: pm.Created, Customer: opt(pm.Customer), Metadata: pm.Metadata, Type: "card",
	}
}
