package emulator

import (
	"net/http"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

var chargeParams = slices.Concat([]string{"amount", "currency", "source", "customer", "description", "capture", "expand["}, metadataParams, chargeExtraParams,
	shippingParams(true))

// readAmount reads the amount and currency a charge or a PaymentIntent
// takes, both required, checked as Stripe checks them.
func readAmount(c *call) (int64, string, *model.Error) {
	amount, ok, aerr := c.params.integer("amount")
	switch {
	case aerr != nil:
		return 0, "", aerr
	case !ok:
		return 0, "", missingParam("amount")
	}
	currency := strings.ToLower(c.params.get("currency"))
	if currency == "" {
		return 0, "", missingParam("currency")
	}
	if aerr := checkCurrency(currency); aerr != nil {
		return 0, "", aerr
	}
	return amount, currency, fieldError(model.ValidateAmount(amount, currency))
}

// createCharge is POST /v1/charges with source=<token>, or customer=<cus_>
// (its default source, or source=<its card id>); capture=false authorizes
// a card charge only (authorization.go).
func createCharge(c *call) (any, *model.Error) {
	amount, currency, aerr := readAmount(c)
	if aerr != nil {
		return nil, aerr
	}
	md, aerr := readMetadata(c.params, nil)
	if aerr != nil {
		return nil, aerr
	}
	extras, aerr := readChargeExtras(c)
	if aerr != nil {
		return nil, aerr
	}
	capture, aerr := readCapture(c)
	if aerr != nil {
		return nil, aerr
	}
	card, bank, customer, aerr := chargeSource(c)
	if aerr != nil {
		return nil, aerr
	}
	var ch *chargeRec
	switch {
	case bank != nil && !capture:
		return nil, achNotAuthorizable()
	case bank != nil:
		ch = achDebit(c, bank, customer, amount, currency)
	default:
		ch, aerr = charge(c, card, customer, amount, currency)
		if aerr == nil && !capture {
			holdAuthorization(ch, c.now)
		}
	}
	ch.Metadata, ch.chargeExtras = md, extras
	c.objs.putCharge(ch)
	if aerr != nil {
		return nil, aerr
	}
	return renderCharge(ch), nil
}

// chargeSource finds the card or verified bank account (an ACH debit) a
// charge is made on, and its customer if any: the customer's default
// source, or source=<one of its sources>.
func chargeSource(c *call) (*cardRec, *bankRec, string, *model.Error) {
	src, cusID := c.params.get("source"), c.params.get("customer")
	if cusID == "" {
		if src == "" {
			return nil, nil, "", invalid("parameter_missing", model.ParamSource, "Must provide source or customer.")
		}
		t, aerr := takeToken(c, src, false)
		if aerr != nil {
			return nil, nil, "", aerr
		}
		return t.Card, nil, "", nil
	}
	cus, ok := c.objs.customer(cusID)
	if !ok {
		return nil, nil, "", noSuch(http.StatusBadRequest, "customer", cusID, "customer")
	}
	if src == "" {
		src = cus.defaultSource()
	}
	s, ok := cus.source(src)
	switch {
	case !ok && src != "":
		return nil, nil, "", invalid("missing", model.ParamSource, "Customer "+cusID+" does not have a linked source with ID "+src+".")
	case !ok:
		return nil, nil, "", declined("missing", "", "Cannot charge a customer that has no active card", "card")
	case s.Card != nil:
		return s.Card, nil, cusID, nil
	case s.Bank.Status != "verified":
		return nil, nil, "", invalid("bank_account_unverified", "", "The customer's bank account must be verified in order to create an ACH payment.")
	}
	return nil, s.Bank, cusID, nil
}

// riskScores are the Radar scores the emulator reports per risk level.
var riskScores = map[string]int{"normal": 20, "elevated": 70, "highest": 95}

// charge runs a charge on card through the catalog's Outcome for it. A
// decline gives the failed charge and the card_error that names it.
func charge(c *call, card *cardRec, customer string, amount int64, currency string) (*chargeRec, *model.Error) {
	preset, _ := model.CardByName(card.Preset)
	return chargeCard(c, card, customer, amount, currency, preset.Outcome)
}

// chargeCard runs a charge on card with the outcome o: the catalog's for
// the Charges API, the one after 3D Secure for a PaymentIntent.
func chargeCard(c *call, card *cardRec, customer string, amount int64, currency string, o model.Outcome) (*chargeRec, *model.Error) {
	// A card that only fails the CVC check (4000000000000101) is declined
	// only when a CVC was given to check; issuer declines (NoAttach) always.
	cvcGated := o.CVCCheck == "fail" && !o.NoAttach
	declines := o.Declines() && !(cvcGated && card.CVCCheck == "")

	charged := *card
	charged.CVCCheck = performed(card.CVCCheck)
	charged.ZipCheck = performed(card.ZipCheck)
	charged.Line1Check = performed(card.Line1Check)
	ch := &chargeRec{
		ID: newID("ch_", longID), Created: c.now.Unix(), Amount: amount, Currency: currency,
		Customer: customer, Description: c.params.get("description"), Card: &charged, Outcome: chargeOutcome(o, declines),
	}
	if !declines {
		ch.Status, ch.BalanceTx = "succeeded", newID("txn_", longID)
		ch.disputeReason = o.Dispute
		return ch, nil
	}
	ch.Status, ch.FailureCode, ch.FailureMessage = "failed", o.Code, o.Message
	e := declined(o.Code, o.DeclineCode, o.Message, declineParams[o.Code])
	e.Charge = ch.ID
	return ch, e
}

// performed is a check's result once a charge ran it: what was unchecked at
// tokenization passes.
func performed(check string) string {
	if check == "unchecked" {
		return "pass"
	}
	return check
}

func chargeOutcome(o model.Outcome, declines bool) outcome {
	risk := o.Risk
	if risk == "" {
		risk = "normal"
	}
	out := outcome{RiskLevel: risk, RiskScore: riskScores[risk]}
	switch {
	case !declines:
		out.NetworkStatus, out.SellerMessage, out.Type = "approved_by_network", "Payment complete.", "authorized"
		if risk == "elevated" {
			out.Reason = "elevated_risk_level"
		}
	case o.Blocked:
		out.NetworkStatus, out.Reason, out.Type = "not_sent_to_network", "highest_risk_level", "blocked"
		out.SellerMessage = "Stripe blocked this payment as too risky."
	default:
		out.NetworkStatus, out.Reason, out.Type = "declined_by_network", o.DeclineCode, "issuer_declined"
		out.SellerMessage = "The bank returned the decline code `" + o.DeclineCode + "`."
		if o.DeclineCode == "generic_decline" {
			out.SellerMessage = "The bank did not return any further details with this decline."
		}
	}
	return out
}

var chargeListParams = append([]string{"customer", "payment_intent", "transfer_group"}, append(createdParams, pageParams...)...)

// listCharges is GET /v1/charges, newest first, failed charges included,
// filtered by customer, payment_intent and created. The emulator's charges
// have no transfer group, so that filter matches nothing.
func listCharges(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	customer, byCustomer := c.params.get("customer"), c.params.Has("customer")
	pi, byPI := c.params.get("payment_intent"), c.params.Has("payment_intent")
	none := c.params.Has("transfer_group")
	keep := func(ch *chargeRec) bool {
		return cr.holds(ch.Created) && (!byCustomer || ch.Customer == customer) && (!byPI || ch.PaymentIntent == pi) && !none
	}
	return collectionLister(c, chargesColl, "/v1/charges", "charge", keep, renderListedCharge).page(pg)
}

func renderListedCharge(ch *chargeRec) any { return renderCharge(ch) }

// getCharge is GET /v1/charges/{id}, failed charges included.
func getCharge(c *call) (any, *model.Error) {
	ch, ok := c.objs.charge(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "charge", c.id(), "id")
	}
	return renderCharge(ch), nil
}
