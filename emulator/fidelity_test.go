package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// A customer with no card cannot be charged: Stripe's 402 card_error
// "missing" on param card, which sends a client down its card-error
// branch, not its invalid-request one.
func TestChargeCustomerWithoutCard(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.String("jenny@example.com")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Customer: stripe.String(cus.ID)})
	se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, "missing")
	if se.Param != "card" || se.Msg != "Cannot charge a customer that has no active card" || se.ChargeID != "" {
		t.Errorf("param %q message %q charge %q", se.Param, se.Msg, se.ChargeID)
	}
}

// A currency Stripe does not support gets Stripe's message listing those
// it does.
func TestInvalidCurrency(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, cur := range []string{"xyz", "XYZ", "us", "dollars"} {
		rec := do(t, e, "POST", "/v1/charges", testKey, "amount=1000&currency="+cur+"&source=tok_visa", nil)
		got := errorBody(t, rec)
		want := "Invalid currency: " + strings.ToLower(cur) + ". Stripe currently supports these currencies: usd, aed, afn, "
		if rec.Code != 400 || got.Type != "invalid_request_error" || got.Param != "currency" || !strings.HasPrefix(got.Message, want) {
			t.Errorf("%s: %d %+v", cur, rec.Code, got)
		}
	}
	if rec := do(t, e, "POST", "/v1/charges", testKey, "amount=1000&currency=EUR&source=tok_visa", nil); rec.Code != 200 {
		t.Errorf("EUR: %d %s", rec.Code, rec.Body)
	}
}

// Declines that name a card field carry it in param, as Stripe's do.
func TestDeclineParams(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	for _, tc := range []struct{ token, code, param string }{
		{"tok_chargeDeclinedExpiredCard", "expired_card", "exp_month"},
		{"tok_chargeDeclinedIncorrectCvc", "incorrect_cvc", "cvc"},
		{"tok_chargeDeclined", "card_declined", ""},
		{"tok_chargeDeclinedProcessingError", "processing_error", ""},
	} {
		_, err := c.V1Charges.Create(ctx, chargeWith(tc.token))
		if se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, tc.code); se.Param != tc.param {
			t.Errorf("charge %s: param %q, want %q", tc.token, se.Param, tc.param)
		}
		_, err = c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String(tc.token)})
		if se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, tc.code); se.Param != tc.param {
			t.Errorf("attach %s: param %q, want %q", tc.token, se.Param, tc.param)
		}
	}
}
