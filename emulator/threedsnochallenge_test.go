package emulator

import (
	"net/http"
	"testing"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// pmOfCard is a PaymentMethod made from a token of a catalog card, for
// the cards Stripe names no test PaymentMethod for.
func pmOfCard(t *testing.T, c *stripe.Client, number string) string {
	t.Helper()
	tok, err := c.V1Tokens.Create(ctx, cardParams(t, number))
	if err != nil {
		t.Fatal(err)
	}
	pm, err := c.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.String("card"),
		Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String(tok.ID)}})
	if err != nil {
		t.Fatal(err)
	}
	return pm.ID
}

// threeDSOf is the three_d_secure of pi's charge, read back.
func threeDSOf(t *testing.T, c *stripe.Client, pi *stripe.PaymentIntent) *stripe.ChargePaymentMethodDetailsCardThreeDSecure {
	t.Helper()
	if pi == nil || pi.LatestCharge == nil {
		t.Fatalf("no charge: %+v", pi)
	}
	ch, err := c.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ch.PaymentMethodDetails.Card.ThreeDSecure
}

// The frictionless card (4000000032200000) runs 3D Secure on every
// payment and passes it without a challenge: an on-session PaymentIntent
// succeeds at once (error_on_requires_action or not), its charge showing
// a frictionless authentication; off session it fails as needing
// authentication; a SetupIntent succeeds without requires_action; the
// Charges API declines it. Every answer is checked against Stripe's
// OpenAPI spec.
func TestThreeDSFrictionlessCard(t *testing.T) {
	e, _ := newServer(t, "")
	c := newClient(newSpecServer(t, e), testKey)
	card, ok := model.CardByNumber("4000000032200000")
	if !ok || card.Outcome.ThreeDS != model.ThreeDSFrictionless {
		t.Fatalf("catalog: %+v", card)
	}
	for _, edit := range []func(*stripe.PaymentIntentCreateParams){nil, func(p *stripe.PaymentIntentCreateParams) {
		p.ErrorOnRequiresAction = stripe.Bool(true)
	}} {
		pi, err := confirmPI(c, pmOfCard(t, c, card.Number), edit)
		if err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded || pi.NextAction != nil {
			t.Fatalf("on session: %+v %v", pi, err)
		}
		tds := threeDSOf(t, c, pi)
		if tds == nil || tds.AuthenticationFlow != "frictionless" || tds.Result != "authenticated" || tds.Version != "2.2.0" ||
			tds.ElectronicCommerceIndicator != "05" || tds.TransactionID == "" {
			t.Errorf("three_d_secure: %+v", tds)
		}
	}
	cus, _ := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})
	_, err := confirmPI(c, pmOfCard(t, c, card.Number), func(p *stripe.PaymentIntentCreateParams) {
		p.OffSession, p.Customer = stripe.Bool(true), stripe.String(cus.ID)
	})
	stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, "authentication_required")

	si, err := c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Confirm: stripe.Bool(true),
		PaymentMethod: stripe.String(pmOfCard(t, c, card.Number)), PaymentMethodTypes: stripe.StringSlice([]string{"card"})})
	if err != nil || si.Status != stripe.SetupIntentStatusSucceeded || si.NextAction != nil {
		t.Errorf("setup intent: %+v %v", si, err)
	}

	tok, _ := c.V1Tokens.Create(ctx, cardParams(t, card.Number))
	_, err = c.V1Charges.Create(ctx, chargeWith(tok.ID))
	if se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, "card_declined"); se.DeclineCode != "authentication_required" {
		t.Errorf("charge: %+v", se)
	}
}

// A payment that requests 3D Secure meets it as Stripe's testing docs
// say each card does: the "3DS Supported, Error" card's attempt fails and
// the payment goes on; a card that simulates no 3D Secure (4242, a
// Mastercard) bypasses it as attempt_acknowledged with an attempt's
// electronic commerce indicator; American Express runs none. Unrequested,
// none of them shows any.
func TestThreeDSRequestedWithoutChallenge(t *testing.T) {
	e, _ := newServer(t, "")
	c := newClient(newSpecServer(t, e), testKey)
	for _, tc := range []struct {
		pm, result, eci string
	}{
		{"pm_card_threeDSecureOptionalProcessingError", "processing_error", ""},
		{"pm_card_visa", "attempt_acknowledged", "06"},
		{"pm_card_mastercard", "attempt_acknowledged", "01"},
		{"pm_card_amex_threeDSecureNotSupported", "", ""},
	} {
		for _, request := range []string{"any", "challenge", "automatic"} {
			pi, err := confirmPI(c, tc.pm, func(p *stripe.PaymentIntentCreateParams) {
				p.PaymentMethodOptions = &stripe.PaymentIntentCreatePaymentMethodOptionsParams{
					Card: &stripe.PaymentIntentCreatePaymentMethodOptionsCardParams{RequestThreeDSecure: stripe.String(request)}}
			})
			if err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded || pi.NextAction != nil {
				t.Fatalf("%s, %s: %+v %v", tc.pm, request, pi, err)
			}
			tds := threeDSOf(t, c, pi)
			want := tc.result
			if request == "automatic" {
				want = ""
			}
			switch {
			case want == "" && tds != nil:
				t.Errorf("%s, %s: three_d_secure %+v", tc.pm, request, tds)
			case want == "":
			case tds == nil || string(tds.Result) != want || string(tds.ElectronicCommerceIndicator) != tc.eci || tds.AuthenticationFlow != "":
				t.Errorf("%s, %s: three_d_secure %+v", tc.pm, request, tds)
			case want == "attempt_acknowledged" && (tds.Version != "2.2.0" || tds.TransactionID == ""):
				t.Errorf("%s, %s: an attempt without version or transaction: %+v", tc.pm, request, tds)
			}
		}
	}
}

// The 3D Secure cards of Stripe's testing docs are in the catalog as
// the docs describe them, under their test PaymentMethods and tokens.
func TestThreeDSCatalogCards(t *testing.T) {
	for _, tc := range []struct {
		number, country, pm, tok string
		threeDS                  model.ThreeDS
	}{
		{"4000000000003220", "IE", "pm_card_threeDSecure2Required", "tok_threeDSecure2Required", model.ThreeDSRequired},
		{"4000008400000027", "US", "", "", model.ThreeDSRequired},
		{"4000008400001629", "US", "pm_card_threeDSecureRequiredChargeDeclined", "tok_threeDSecureRequiredChargeDeclined", model.ThreeDSRequired},
		{"4000008400001280", "US", "pm_card_threeDSecureRequiredProcessingError", "tok_threeDSecureRequiredProcessingError", model.ThreeDSRequired},
		{"4000000000003055", "US", "pm_card_threeDSecureOptional", "tok_threeDSecureOptional", model.ThreeDSOptional},
		{"4000000000003097", "US", "pm_card_threeDSecureOptionalProcessingError", "tok_threeDSecureOptionalProcessingError", model.ThreeDSOptionalError},
		{"4000000032200000", "US", "", "", model.ThreeDSFrictionless},
		{"378282246310005", "US", "pm_card_amex_threeDSecureNotSupported", "tok_amex_threeDSecureNotSupported", model.ThreeDSNone},
	} {
		card, ok := model.CardByNumber(tc.number)
		if !ok || card.Country != tc.country || card.Outcome.ThreeDS != tc.threeDS {
			t.Errorf("%s: %+v", tc.number, card)
			continue
		}
		if tc.pm != "" && model.TestPaymentMethods[tc.pm] != card {
			t.Errorf("%s is not %s's test PaymentMethod", tc.pm, tc.number)
		}
		if tc.tok != "" && model.MagicTokens[tc.tok] != card {
			t.Errorf("%s is not %s's token", tc.tok, tc.number)
		}
	}
}
