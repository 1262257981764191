package emulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// A PaymentIntent keeps receipt_email, shipping and the statement
// descriptor's suffix, and its charge carries them with a receipt_url;
// statement_descriptor is refused for a card payment as Stripe refuses it.
func TestPaymentIntentExtras(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	pi, err := confirmPI(c, "pm_card_visa", func(p *stripe.PaymentIntentCreateParams) {
		p.ReceiptEmail, p.StatementDescriptorSuffix = stripe.String("r@example.com"), stripe.String("ORDER1")
		p.Shipping = &stripe.ShippingDetailsParams{Name: stripe.String("J"), Carrier: stripe.String("UPS"),
			Address: &stripe.AddressParams{Line1: stripe.String("1 Main"), Country: stripe.String("US")}}
		p.PaymentMethodTypes = stripe.StringSlice([]string{"card"})
	})
	if err != nil || pi.ReceiptEmail != "r@example.com" || pi.StatementDescriptorSuffix != "ORDER1" ||
		pi.Shipping == nil || pi.Shipping.Name != "J" || pi.Shipping.Carrier != "UPS" || pi.Shipping.Address.Line1 != "1 Main" {
		t.Fatalf("%+v %v", pi, err)
	}
	ch, err := c.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
	if err != nil || ch.ReceiptEmail != "r@example.com" || ch.StatementDescriptorSuffix != "ORDER1" ||
		ch.CalculatedStatementDescriptor != "TOKENSCOPE* ORDER1" || ch.Shipping == nil || ch.Shipping.Address.Country != "US" ||
		!strings.HasPrefix(ch.ReceiptURL, "https://pay.stripe.com/receipts/payment/") {
		t.Fatalf("charge %+v %v", ch, err)
	}
	if again, _ := c.V1Charges.Retrieve(ctx, ch.ID, nil); again.ReceiptURL != ch.ReceiptURL {
		t.Errorf("receipt_url changed: %s then %s", ch.ReceiptURL, again.ReceiptURL)
	}
	_, err = confirmPI(c, "pm_card_visa", func(p *stripe.PaymentIntentCreateParams) { p.StatementDescriptor = stripe.String("ACME") })
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "statement_descriptor" {
		t.Errorf("statement_descriptor: %+v", se)
	}
	_, err = confirmPI(c, "pm_card_visa", func(p *stripe.PaymentIntentCreateParams) {
		p.Shipping = &stripe.ShippingDetailsParams{Address: &stripe.AddressParams{Line1: stripe.String("1 Main")}}
	})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "parameter_missing"); se.Param != "shipping[name]" {
		t.Errorf("shipping without a name: %+v", se)
	}
	// A confirm takes receipt_email too.
	p := &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(500), Currency: stripe.String("usd"),
		PaymentMethodTypes: stripe.StringSlice([]string{"card"})}
	pi, _ = c.V1PaymentIntents.Create(ctx, p)
	pi, err = c.V1PaymentIntents.Confirm(ctx, pi.ID, &stripe.PaymentIntentConfirmParams{
		PaymentMethod: stripe.String("pm_card_visa"), ReceiptEmail: stripe.String("x@example.com")})
	if err != nil || pi.ReceiptEmail != "x@example.com" {
		t.Fatalf("confirm: %+v %v", pi, err)
	}
	if ch, _ := c.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil); ch.ReceiptEmail != "x@example.com" {
		t.Errorf("the confirm's charge: %q", ch.ReceiptEmail)
	}
}

// payment_method_data makes the PaymentIntent's PaymentMethod, from a
// token or from a test card's number; its refusals name the parameter
// under payment_method_data.
func TestPaymentIntentPaymentMethodData(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	create := func(data *stripe.PaymentIntentCreatePaymentMethodDataParams, card map[string]string) (*stripe.PaymentIntent, error) {
		p := &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"),
			Confirm: stripe.Bool(true), PaymentMethodData: data, PaymentMethodTypes: stripe.StringSlice([]string{"card"})}
		for k, v := range card {
			p.AddExtra("payment_method_data[card]["+k+"]", v)
		}
		return c.V1PaymentIntents.Create(ctx, p)
	}
	data := &stripe.PaymentIntentCreatePaymentMethodDataParams{Type: stripe.String("card"),
		BillingDetails: &stripe.PaymentIntentCreatePaymentMethodDataBillingDetailsParams{Name: stripe.String("Jo")}}
	pi, err := create(data, map[string]string{"token": "tok_visa"})
	if err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded || pi.PaymentMethod == nil {
		t.Fatalf("%+v %v", pi, err)
	}
	pm, err := c.V1PaymentMethods.Retrieve(ctx, pi.PaymentMethod.ID, nil)
	if err != nil || pm.Card.Last4 != "4242" || pm.BillingDetails.Name != "Jo" {
		t.Fatalf("pm %+v %v", pm, err)
	}
	_, err = create(&stripe.PaymentIntentCreatePaymentMethodDataParams{Type: stripe.String("card")},
		map[string]string{"number": "4000000000009995", "exp_month": "12", "exp_year": "2034", "cvc": "123"})
	if se := stripeErr(t, err, 402, stripe.ErrorTypeCard, "card_declined"); se.DeclineCode != "insufficient_funds" {
		t.Errorf("decline: %+v", se)
	}
	_, err = create(nil, map[string]string{"token": "tok_visa"})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "parameter_missing"); se.Param != "payment_method_data[type]" {
		t.Errorf("no type: %+v", se)
	}
}

// request_three_d_secure=any asks a challenge of the card that supports
// 3D Secure and never otherwise would (4000000000003055), not of
// American Express; error_on_requires_action fails such a payment
// instead of waiting; use_stripe_sdk names the SDK's next action even
// with a return_url.
func TestPaymentIntentRequestThreeDSecure(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	any3DS := func(p *stripe.PaymentIntentCreateParams) {
		p.PaymentMethodOptions = &stripe.PaymentIntentCreatePaymentMethodOptionsParams{
			Card: &stripe.PaymentIntentCreatePaymentMethodOptionsCardParams{RequestThreeDSecure: stripe.String("any")}}
	}
	pi, err := confirmPI(c, "pm_card_threeDSecureOptional", any3DS)
	if err != nil || pi.Status != stripe.PaymentIntentStatusRequiresAction || pi.NextAction.Type != "use_stripe_sdk" ||
		pi.PaymentMethodOptions.Card.RequestThreeDSecure != "any" {
		t.Fatalf("3DS supported, any: %+v %v", pi, err)
	}
	if pi, err = confirmPI(c, "pm_card_amex", any3DS); err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded {
		t.Errorf("amex, any: %+v %v", pi, err)
	}
	pi, err = confirmPI(c, "pm_card_threeDSecureOptional", func(p *stripe.PaymentIntentCreateParams) {
		any3DS(p)
		p.ReturnURL, p.UseStripeSDK = stripe.String("https://example.com/r"), stripe.Bool(true)
	})
	if err != nil || pi.NextAction.Type != "use_stripe_sdk" {
		t.Errorf("use_stripe_sdk with return_url: %+v %v", pi, err)
	}
	_, err = confirmPI(c, "pm_card_authenticationRequired", func(p *stripe.PaymentIntentCreateParams) {
		p.ErrorOnRequiresAction = stripe.Bool(true)
	})
	se := stripeErr(t, err, 402, stripe.ErrorTypeCard, "authentication_required")
	if se.PaymentIntent == nil || se.PaymentIntent.Status != stripe.PaymentIntentStatusRequiresPaymentMethod {
		t.Errorf("error_on_requires_action: %+v", se)
	}
	_, err = c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"),
		ErrorOnRequiresAction: stripe.Bool(true)})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "error_on_requires_action" {
		t.Errorf("error_on_requires_action without confirm: %+v", se)
	}
}

// A charge made after a completed challenge shows its 3D Secure, as
// Stripe's does; one without a challenge shows none.
func TestChargeThreeDSecureDetails(t *testing.T) {
	e, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	pi, err := confirmPI(c, "pm_card_authenticationRequired", nil)
	if err != nil || pi.Status != stripe.PaymentIntentStatusRequiresAction {
		t.Fatalf("%+v %v", pi, err)
	}
	var raw struct {
		NextAction struct {
			UseStripeSDK struct {
				StripeJS string `json:"stripe_js"`
			} `json:"use_stripe_sdk"`
		} `json:"next_action"`
	}
	_ = json.Unmarshal(pi.LastResponse.RawJSON, &raw)
	u, _ := url.Parse(raw.NextAction.UseStripeSDK.StripeJS)
	r := httptest.NewRequest("POST", u.RequestURI(), strings.NewReader("action=complete"))
	r.Header.Set("Accept", "application/json")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, r)
	if rec.Code != http.StatusOK {
		t.Fatalf("completion: %d %s", rec.Code, rec.Body)
	}
	pi, _ = c.V1PaymentIntents.Retrieve(ctx, pi.ID, nil)
	ch, err := c.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	tds := ch.PaymentMethodDetails.Card.ThreeDSecure
	if tds == nil || tds.Result != "authenticated" || tds.AuthenticationFlow != "challenge" || tds.Version != "2.2.0" ||
		tds.ElectronicCommerceIndicator != "05" || tds.TransactionID == "" {
		t.Errorf("three_d_secure: %+v", tds)
	}
	plain, _ := confirmPI(c, "pm_card_visa", nil)
	if ch, _ := c.V1Charges.Retrieve(ctx, plain.LatestCharge.ID, nil); ch.PaymentMethodDetails.Card.ThreeDSecure != nil {
		t.Errorf("no challenge, yet three_d_secure %+v", ch.PaymentMethodDetails.Card.ThreeDSecure)
	}
}

// An update takes receipt_email, shipping and the descriptor's suffix,
// in any status, and refuses statement_descriptor as create does.
func TestPaymentIntentUpdateExtras(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	pi, err := confirmPI(c, "pm_card_visa", nil)
	if err != nil {
		t.Fatal(err)
	}
	pi, err = c.V1PaymentIntents.Update(ctx, pi.ID, &stripe.PaymentIntentUpdateParams{ReceiptEmail: stripe.String("late@example.com"),
		StatementDescriptorSuffix: stripe.String("LATE"),
		Shipping:                  &stripe.ShippingDetailsParams{Name: stripe.String("K"), Address: &stripe.AddressParams{Line1: stripe.String("2 Main")}}})
	if err != nil || pi.ReceiptEmail != "late@example.com" || pi.StatementDescriptorSuffix != "LATE" || pi.Shipping == nil || pi.Shipping.Name != "K" {
		t.Fatalf("%+v %v", pi, err)
	}
	_, err = c.V1PaymentIntents.Update(ctx, pi.ID, &stripe.PaymentIntentUpdateParams{StatementDescriptor: stripe.String("ACME")})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "statement_descriptor" {
		t.Errorf("statement_descriptor: %+v", se)
	}
}
