package emulator

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// A customer's cards (card_…, its sources: customersources.go) are
// PaymentMethods too, as at Stripe: a PaymentIntent's payment_method is
// "a PaymentMethod, Card, or compatible Source", one confirmed at
// creation with a customer and no payment_method pays with the
// customer's default_source, and the customer's PaymentMethods list
// shows its cards under their card_ ids. A card is read from its
// customer each time, never copied into payment_methods: the customer's
// sources stay its one record, and what a payment with it does (a
// decline, 3D Secure) is its preset's, as for every card.

// isCardID reports whether id names a card, not a PaymentMethod.
func isCardID(id string) bool { return strings.HasPrefix(id, "card_") }

// cardMethod is the customer's card id as a PaymentMethod.
func (cus *customerRec) cardMethod(id string) (*paymentMethodRec, bool) {
	s, ok := cus.source(id)
	if !ok || s.Card == nil {
		return nil, false
	}
	return asPaymentMethod(cus, s.Card), true
}

// asPaymentMethod is the customer's card as a PaymentMethod, dated when
// it was tokenized (a card kept before cards were dated: its customer's
// creation).
func asPaymentMethod(cus *customerRec, card *cardRec) *paymentMethodRec {
	return &paymentMethodRec{ID: card.ID, Created: cmp.Or(card.Created, cus.Created), Customer: cus.ID, Card: card}
}

// paymentMethodFor reads the PaymentMethod id names for an intent of
// customer ("" for none): a stored one, or a customer's card. A card is
// looked for in the customer's sources first, then in every customer's,
// so that one of another customer's is refused as such (checkUsable),
// not as unknown.
func (o *objects) paymentMethodFor(id, customer string) (*paymentMethodRec, bool) {
	if !isCardID(id) {
		return o.paymentMethod(id)
	}
	if customer != "" {
		if cus, ok := o.customer(customer); ok {
			if pm, ok := cus.cardMethod(id); ok {
				return pm, true
			}
		}
	}
	var found *paymentMethodRec
	scan(o, customersColl, "", false, func(cus *customerRec) bool {
		if !cus.Deleted {
			found, _ = cus.cardMethod(id)
		}
		return found == nil
	})
	return found, found != nil
}

// intentPaymentMethod is the PaymentMethod an intent of customer names
// in param: a card of a customer's, else as usePaymentMethod finds it.
func intentPaymentMethod(c *call, id, customer, param string) (*paymentMethodRec, *model.Error) {
	if !isCardID(id) {
		return usePaymentMethod(c, id, param)
	}
	pm, ok := c.objs.paymentMethodFor(id, customer)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "PaymentMethod", id, param)
	}
	return pm, nil
}

// useDefaultSource gives pi, confirmed at its creation without a
// payment method, its customer's default source when that is a card:
// Stripe's bridge from the Charges API ("source automatically populates
// with customer.default_source"). Not invoice_settings'
// default_payment_method, which PaymentIntents do not read.
func useDefaultSource(c *call, pi *paymentIntentRec) {
	if pi.PaymentMethod != "" || pi.Customer == "" {
		return
	}
	if cus, ok := c.objs.customer(pi.Customer); ok && cus.Card != nil {
		pi.PaymentMethod, pi.Status = cus.Card.ID, model.PIRequiresConfirmation
	}
}

// customerMethods lists the customer's PaymentMethods and cards that
// keep accepts, newest first.
func customerMethods(c *call, customer, url string, keep func(*paymentMethodRec) bool) lister {
	var all []*paymentMethodRec
	scan(c.objs, paymentMethodsColl, "", false, func(pm *paymentMethodRec) bool {
		if pm.Customer == customer && keep(pm) {
			all = append(all, pm)
		}
		return true
	})
	if cus, ok := c.objs.customer(customer); ok {
		for _, s := range cus.sources() {
			if s.Card != nil && keep(asPaymentMethod(cus, s.Card)) {
				all = append(all, asPaymentMethod(cus, s.Card))
			}
		}
	}
	slices.SortStableFunc(all, func(a, b *paymentMethodRec) int { return cmp.Compare(b.Created, a.Created) })
	ids, objs := make([]string, len(all)), make([]any, len(all))
	for i, pm := range all {
		ids[i], objs[i] = pm.ID, renderPaymentMethod(pm)
	}
	return sliceLister(url, "PaymentMethod", ids, objs)
}
