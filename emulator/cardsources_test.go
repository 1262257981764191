package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
)

// cardCustomer is a customer whose default source is a card of
// defaultTok, with a second card of otherTok added through
// POST /v1/customers/{id}/sources: it returns the customer and the two
// card ids.
func cardCustomer(t *testing.T, sc *stripe.Client, defaultTok, otherTok string) (cus, def, other string) {
	t.Helper()
	c, err := sc.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String(defaultTok)})
	if err != nil {
		t.Fatal(err)
	}
	src, err := sc.V1PaymentSources.Create(ctx, &stripe.PaymentSourceCreateParams{Customer: stripe.String(c.ID),
		Source: &stripe.PaymentSourceSourceParams{Token: stripe.String(otherTok)}})
	if err != nil {
		t.Fatal(err)
	}
	if c.DefaultSource == nil || !strings.HasPrefix(c.DefaultSource.ID, "card_") || !strings.HasPrefix(src.ID, "card_") {
		t.Fatalf("cards: default %+v, added %s", c.DefaultSource, src.ID)
	}
	return c.ID, c.DefaultSource.ID, src.ID
}

func piParams(cus, pm string) *stripe.PaymentIntentCreateParams {
	p := &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"),
		Confirm: stripe.Bool(true), PaymentMethodTypes: []*string{stripe.String("card")}}
	if cus != "" {
		p.Customer = stripe.String(cus)
	}
	if pm != "" {
		p.PaymentMethod = stripe.String(pm)
	}
	return p
}

// A customer's card pays a PaymentIntent as a PaymentMethod would, under
// its card_ id: the card's own outcome, its charge naming it.
func TestCardSourcePaysPaymentIntent(t *testing.T) {
	_, srv := newServer(t, "")
	sc := newClient(srv.URL, testKey)
	cus, _, mc := cardCustomer(t, sc, "tok_visa", "tok_mastercard")

	pi, err := sc.V1PaymentIntents.Create(ctx, piParams(cus, mc))
	if err != nil {
		t.Fatal(err)
	}
	if pi.Status != stripe.PaymentIntentStatusSucceeded || pi.PaymentMethod == nil || pi.PaymentMethod.ID != mc {
		t.Fatalf("paid with %s: status %s, payment_method %+v", mc, pi.Status, pi.PaymentMethod)
	}
	ch, err := sc.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ch.PaymentMethod != mc || ch.PaymentMethodDetails.Card.Last4 != "4444" || ch.Customer.ID != cus {
		t.Errorf("charge: payment_method %s, last4 %s, customer %s", ch.PaymentMethod, ch.PaymentMethodDetails.Card.Last4, ch.Customer.ID)
	}

	// Created first, confirmed after: the confirm takes the card too,
	// and expand[] reads it as a PaymentMethod.
	p := piParams(cus, "")
	p.Confirm = nil
	pi, err = sc.V1PaymentIntents.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	cp := &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.String(mc)}
	cp.AddExpand("payment_method")
	pi, err = sc.V1PaymentIntents.Confirm(ctx, pi.ID, cp)
	if err != nil {
		t.Fatal(err)
	}
	if pm := pi.PaymentMethod; pm == nil || pm.ID != mc || pm.Card == nil || pm.Card.Last4 != "4444" || pm.Customer.ID != cus {
		t.Errorf("expanded payment_method: %+v", pm)
	}
}

// A card belongs to its customer: without the customer, or with another,
// it is refused as a PaymentMethod attached to a customer is; one that
// no customer holds (a token's card) is unknown.
func TestCardSourceNeedsItsCustomer(t *testing.T) {
	_, srv := newServer(t, "")
	sc := newClient(srv.URL, testKey)
	cus, visa, _ := cardCustomer(t, sc, "tok_visa", "tok_mastercard")
	other, err := sc.V1Customers.Create(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = sc.V1PaymentIntents.Create(ctx, piParams("", visa))
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); !strings.Contains(se.Msg, cus) || se.Param != "payment_method" {
		t.Errorf("without its customer: %s (param %s)", se.Msg, se.Param)
	}
	_, err = sc.V1PaymentIntents.Create(ctx, piParams(other.ID, visa))
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); !strings.Contains(se.Msg, "does not have a payment method with the ID "+visa) {
		t.Errorf("another customer's: %s", se.Msg)
	}
	tok, err := sc.V1Tokens.Create(ctx, cardParams(t, "4242424242424242"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = sc.V1PaymentIntents.Create(ctx, piParams(cus, tok.Card.ID))
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "resource_missing")
}

// confirm=true with a customer and no payment_method pays with the
// customer's default_source, as Stripe's bridge from the Charges API
// does; invoice_settings.default_payment_method is not read.
func TestConfirmFallsBackToDefaultSource(t *testing.T) {
	_, srv := newServer(t, "")
	sc := newClient(srv.URL, testKey)
	cus, visa, _ := cardCustomer(t, sc, "tok_visa", "tok_mastercard")
	pi, err := sc.V1PaymentIntents.Create(ctx, piParams(cus, ""))
	if err != nil {
		t.Fatal(err)
	}
	if pi.Status != stripe.PaymentIntentStatusSucceeded || pi.PaymentMethod == nil || pi.PaymentMethod.ID != visa {
		t.Fatalf("default source %s: status %s, payment_method %+v", visa, pi.Status, pi.PaymentMethod)
	}

	bare, err := sc.V1Customers.Create(ctx, &stripe.CustomerCreateParams{PaymentMethod: stripe.String("pm_card_visa"),
		InvoiceSettings: &stripe.CustomerCreateInvoiceSettingsParams{DefaultPaymentMethod: stripe.String("pm_card_visa")}})
	if err == nil {
		_, err = sc.V1PaymentIntents.Create(ctx, piParams(bare.ID, ""))
	}
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "parameter_missing")
}

// A card's test outcome is its preset's whichever way it pays: 0341
// attaches, then its payments are declined, the 402 naming the card;
// 3220 asks for 3D Secure on session.
func TestCardSourceOutcomes(t *testing.T) {
	_, srv := newServer(t, "")
	sc := newClient(srv.URL, testKey)
	cus, _, fails := cardCustomer(t, sc, "tok_visa", "tok_chargeCustomerFail")
	_, err := sc.V1PaymentIntents.Create(ctx, piParams(cus, fails))
	se := stripeErr(t, err, 402, stripe.ErrorTypeCard, "card_declined")
	if se.PaymentIntent == nil || se.PaymentIntent.LastPaymentError == nil || se.PaymentIntent.LastPaymentError.PaymentMethod.ID != fails {
		t.Errorf("decline: %+v", se.PaymentIntent)
	}

	cus, _, threeDS := cardCustomer(t, sc, "tok_visa", "tok_threeDSecure2Required")
	pi, err := sc.V1PaymentIntents.Create(ctx, piParams(cus, threeDS))
	if err != nil {
		t.Fatal(err)
	}
	if pi.Status != stripe.PaymentIntentStatusRequiresAction || pi.NextAction == nil {
		t.Errorf("3D Secure card: status %s, next_action %+v", pi.Status, pi.NextAction)
	}
}

// A customer's PaymentMethods list shows its cards, with their card_
// ids, beside its PaymentMethods, newest first; both lists page through
// them, and GET /v1/payment_methods/{card} reads one.
func TestCustomerPaymentMethodsListCards(t *testing.T) {
	e, srv := newServer(t, "")
	sc := newClient(srv.URL, testKey)
	later := func(d time.Duration) { e.now = func() time.Time { return fixedNow.Add(d) } }
	c, err := sc.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String("tok_visa")})
	if err != nil {
		t.Fatal(err)
	}
	cus, visa := c.ID, c.DefaultSource.ID
	later(time.Minute)
	pm, err := sc.V1PaymentMethods.Attach(ctx, "pm_card_amex", &stripe.PaymentMethodAttachParams{Customer: stripe.String(cus)})
	if err != nil {
		t.Fatal(err)
	}
	later(2 * time.Minute)
	src, err := sc.V1PaymentSources.Create(ctx, &stripe.PaymentSourceCreateParams{Customer: stripe.String(cus),
		Source: &stripe.PaymentSourceSourceParams{Token: stripe.String("tok_mastercard")}})
	if err != nil {
		t.Fatal(err)
	}
	mc := src.ID
	want := []string{mc, pm.ID, visa}

	var got []string
	lp := &stripe.CustomerListPaymentMethodsParams{Customer: stripe.String(cus)}
	lp.Limit = stripe.Int64(1)
	for m, err := range sc.V1Customers.ListPaymentMethods(ctx, lp).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if m.Customer == nil || m.Customer.ID != cus || m.Type != stripe.PaymentMethodTypeCard || m.Card == nil {
			t.Errorf("listed %+v", m)
		}
		got = append(got, m.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("GET /v1/customers/%s/payment_methods: %v, want %v", cus, got, want)
	}
	got = nil
	for m, err := range sc.V1PaymentMethods.List(ctx, &stripe.PaymentMethodListParams{Customer: stripe.String(cus)}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("GET /v1/payment_methods?customer=%s: %v, want %v", cus, got, want)
	}

	card, err := sc.V1PaymentMethods.Retrieve(ctx, mc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if card.ID != mc || card.Card.Last4 != "4444" || card.Customer.ID != cus {
		t.Errorf("GET /v1/payment_methods/%s: %+v", mc, card)
	}
	if rec := do(t, e, http.MethodGet, "/v1/payment_methods/card_nothing", testKey, "", nil); rec.Code != http.StatusNotFound {
		t.Errorf("an unknown card: %d %s", rec.Code, rec.Body)
	}
}
