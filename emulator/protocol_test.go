package emulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

var requestIDPattern = regexp.MustCompile(`^req_[0-9A-Za-z]{14}$`)

func TestRequestIDAndContentType(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, tc := range []struct{ method, path, key, body string }{
		{"POST", "/v1/tokens", testKey, "pii[id_number]=000000000"},
		{"GET", "/v1/tokens/tok_visa", testKey, ""},
		{"GET", "/v1/tokens/tok_missing", testKey, ""},
		{"GET", "/v1/tokens/tok_visa", "", ""},
		{"GET", "/v1/nothing", testKey, ""},
	} {
		rec := do(t, e, tc.method, tc.path, tc.key, tc.body, nil)
		if id := rec.Header().Get("Request-Id"); !requestIDPattern.MatchString(id) {
			t.Errorf("%s %s: Request-Id %q", tc.method, tc.path, id)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s %s: Content-Type %q", tc.method, tc.path, ct)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Errorf("%s %s: body %q", tc.method, tc.path, rec.Body)
		}
	}
}

func TestAuth(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cases := []struct {
		name, key string
		basic     bool
		status    int
		message   string
	}{
		{"secret", "sk_test_abc123", false, 200, ""},
		{"restricted", "rk_test_abc123", false, 200, ""},
		{"basic", "sk_test_abc123", true, 200, ""},
		{"none", "", false, 401, "You did not provide an API key."},
		{"live", "sk_" + "live_51Habcdefghijk1234", false, 401, "Invalid API Key provided: sk_live_****1234. The emulator is Stripe's test mode only: it takes sk_test_, rk_test_ and pk_test_ keys."},
		{"live basic", "sk_" + "live_51Habcdefghijk1234", true, 401, "Invalid API Key provided: sk_live_****1234"},
		{"garbage", "hunter2hunter2", false, 401, "Invalid API Key provided: ****ter2"},
		{"bare prefix", "sk_test_", false, 401, "Invalid API Key provided: sk_test_****"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := strings.NewReader("")
			r, _ := http.NewRequest("GET", "/v1/tokens/tok_visa", req)
			if tc.basic {
				r.SetBasicAuth(tc.key, "")
			} else if tc.key != "" {
				r.Header.Set("Authorization", "Bearer "+tc.key)
			}
			rec := httptest.NewRecorder()
			specChecked(t, e).ServeHTTP(rec, r)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if tc.status == 401 {
				got := errorBody(t, rec)
				if got.Type != "invalid_request_error" || !strings.HasPrefix(got.Message, tc.message) {
					t.Errorf("error %+v, want message %q", got, tc.message)
				}
				if strings.Contains(rec.Body.String(), "51Habcdefghijk") {
					t.Errorf("the key leaked: %s", rec.Body)
				}
			}
		})
	}
}

// TestPublishableKey: pk_test_ creates tokens, and nothing else, as Stripe.
func TestPublishableKey(t *testing.T) {
	_, srv := newServer(t, "")
	pk := newClient(srv.URL, "pk_test_emulator0001")
	tok, err := pk.V1Tokens.Create(ctx, cardParams(t, "4242424242424242"))
	if err != nil {
		t.Fatalf("pk_test_ create: %v", err)
	}
	_, err = pk.V1Tokens.Retrieve(ctx, tok.ID, nil)
	se := stripeErr(t, err, http.StatusUnauthorized, stripe.ErrorTypeInvalidRequest, "")
	if !strings.Contains(se.Msg, "publishable API key") {
		t.Errorf("message %q", se.Msg)
	}
	_, err = pk.V1Charges.Create(ctx, chargeWith(tok.ID))
	stripeErr(t, err, http.StatusUnauthorized, stripe.ErrorTypeInvalidRequest, "")
	sk := newClient(srv.URL, testKey)
	if got, err := sk.V1Tokens.Retrieve(ctx, tok.ID, nil); err != nil || got.Used {
		t.Errorf("the refused pk_test_ charge touched the token: %+v %v", got, err)
	}
}

func TestUnknownRoute(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, tc := range []struct{ method, path string }{
		{"GET", "/v1/x"}, {"DELETE", "/v1/tokens/tok_visa"}, {"GET", "/v1/tokens"},
		{"POST", "/v1/tokens/tok_visa"}, {"GET", "/v2/tokens/tok_visa"}, {"GET", "/v1/tokens/a/b"},
	} {
		rec := do(t, e, tc.method, tc.path, testKey, "", nil)
		got := errorBody(t, rec)
		want := "Unrecognized request URL (" + tc.method + ": " + tc.path + ")."
		if rec.Code != 404 || got.Type != "invalid_request_error" || !strings.HasPrefix(got.Message, want) {
			t.Errorf("%s %s: %d %+v", tc.method, tc.path, rec.Code, got)
		}
	}
}

// TestTokenizationErrors: invalid card data fails as Stripe's test mode does,
// with Stripe's code, param and message, and no token is made.
func TestTokenizationErrors(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	year := "2031"
	cases := []struct {
		name, number, month, year, cvc string
		status                         int
		typ                            stripe.ErrorType
		code, param, message, decline  string
	}{
		{"luhn", "4242424242424241", "12", year, "123", 402, stripe.ErrorTypeCard, "incorrect_number", "number", "Your card number is incorrect.", ""},
		{"short", "424242", "12", year, "123", 402, stripe.ErrorTypeCard, "invalid_number", "number", "Your card number is invalid.", ""},
		{"letters", "4242abcd42424242", "12", year, "123", 402, stripe.ErrorTypeCard, "invalid_number", "number", "Your card number is invalid.", ""},
		{"month 13", "4242424242424242", "13", year, "123", 402, stripe.ErrorTypeCard, "invalid_expiry_month", "exp_month", "Your card's expiration month is invalid.", ""},
		{"month text", "4242424242424242", "ab", year, "123", 402, stripe.ErrorTypeCard, "invalid_expiry_month", "exp_month", "Your card's expiration month is invalid.", ""},
		{"past year", "4242424242424242", "12", "2020", "123", 402, stripe.ErrorTypeCard, "invalid_expiry_year", "exp_year", "Your card's expiration year is invalid.", ""},
		{"past month", "4242424242424242", "1", "2026", "123", 402, stripe.ErrorTypeCard, "invalid_expiry_month", "exp_month", "Your card's expiration month is invalid.", ""},
		{"cvc 2 digits", "4242424242424242", "12", year, "12", 402, stripe.ErrorTypeCard, "invalid_cvc", "cvc", "Your card's security code is invalid.", ""},
		{"amex cvc 3", "378282246310005", "12", year, "123", 402, stripe.ErrorTypeCard, "invalid_cvc", "cvc", "Your card's security code is invalid.", ""},
		{"live card", "4111111111111111", "12", year, "123", 402, stripe.ErrorTypeCard, "card_declined", "", "Your card was declined. Your request was in test mode, but used a non test (live) card.", "test_mode_live_card"},
		{"no number", "", "12", year, "123", 400, stripe.ErrorTypeInvalidRequest, "parameter_missing", "card[number]", "Missing required param: card[number].", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := &stripe.TokenCreateParams{Card: &stripe.CardParams{
				ExpMonth: stripe.String(tc.month), ExpYear: stripe.String(tc.year), CVC: stripe.String(tc.cvc)}}
			if tc.number != "" {
				p.Card.Number = stripe.String(tc.number)
			}
			_, err := c.V1Tokens.Create(ctx, p)
			se := stripeErr(t, err, tc.status, tc.typ, tc.code)
			if se.Param != tc.param || !strings.HasPrefix(se.Msg, tc.message) || string(se.DeclineCode) != tc.decline {
				t.Errorf("param %q message %q decline %q", se.Param, se.Msg, se.DeclineCode)
			}
		})
	}
	_, err := c.V1Tokens.Create(ctx, &stripe.TokenCreateParams{})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")
	_, err = c.V1Tokens.Create(ctx, bankParams("12"))
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "account_number_invalid")
}

func TestChecksAndTwoDigitYear(t *testing.T) {
	e, _ := New(Options{Now: clock})
	body := "card[number]=4000000000000010&card[exp_month]=12&card[exp_year]=34&card[address_zip]=94107&card[address_line1]=1+Main+St"
	rec := do(t, e, "POST", "/v1/tokens", testKey, body, nil)
	var tok tokenJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &tok); err != nil || tok.Card == nil {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	c := tok.Card
	if c.ExpYear != 2034 || c.CVCCheck != nil || *c.AddressZipCheck != "fail" || *c.AddressLine1Check != "fail" || *c.AddressZip != "94107" {
		t.Errorf("card %+v", c)
	}
}

func TestChargeErrors(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	tok, _ := c.V1Tokens.Create(ctx, cardParams(t, "4242424242424242"))

	small := chargeWith(tok.ID)
	small.Amount = stripe.Int64(49)
	_, err := c.V1Charges.Create(ctx, small)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "amount_too_small"); se.Param != "amount" {
		t.Errorf("param %q", se.Param)
	}
	_, err = c.V1Charges.Create(ctx, chargeWith("tok_doesnotexist"))
	se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "resource_missing")
	if se.Param != "source" || se.Msg != "No such token: 'tok_doesnotexist'" {
		t.Errorf("param %q message %q", se.Param, se.Msg)
	}
	_, err = c.V1Tokens.Retrieve(ctx, "tok_doesnotexist", nil)
	se = stripeErr(t, err, 404, stripe.ErrorTypeInvalidRequest, "resource_missing")
	if se.Param != "token" {
		t.Errorf("param %q", se.Param)
	}
	_, err = c.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Customer: stripe.String("cus_nope")})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "resource_missing")
	_, err = c.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd")})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "parameter_missing")
	_, err = c.V1Charges.Retrieve(ctx, "ch_nope", nil)
	stripeErr(t, err, 404, stripe.ErrorTypeInvalidRequest, "resource_missing")
	_, err = c.V1Customers.Retrieve(ctx, "cus_nope", nil)
	stripeErr(t, err, 404, stripe.ErrorTypeInvalidRequest, "resource_missing")
	if got, _ := c.V1Tokens.Retrieve(ctx, tok.ID, nil); got == nil || got.Used {
		t.Errorf("refused charges consumed the token")
	}

	cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String(tok.ID), Email: stripe.String("jenny@example.com")})
	if err != nil || cus.Email != "jenny@example.com" {
		t.Fatalf("customer %+v %v", cus, err)
	}
	other, _ := c.V1Tokens.Create(ctx, cardParams(t, "5555555555554444"))
	p := chargeWith(other.ID)
	p.Customer = stripe.String(cus.ID)
	_, err = c.V1Charges.Create(ctx, p)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "missing")
	got, err := c.V1Customers.Retrieve(ctx, cus.ID, nil)
	if err != nil || got.DefaultSource.ID != cus.DefaultSource.ID {
		t.Errorf("retrieve customer %+v %v", got, err)
	}
}

// TestCVCCheckGate: 4000000000000101 fails only when a CVC was given.
func TestCVCCheckGate(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	p := cardParams(t, "4000000000000101")
	p.Card.CVC = nil
	tok, err := c.V1Tokens.Create(ctx, p)
	if err != nil || tok.Card.CVCCheck != "" {
		t.Fatalf("%+v %v", tok, err)
	}
	if ch, err := c.V1Charges.Create(ctx, chargeWith(tok.ID)); err != nil || ch.Status != "succeeded" {
		t.Errorf("charge without CVC: %+v %v", ch, err)
	}
}

func TestUnknownParameter(t *testing.T) {
	e, _ := New(Options{Now: clock})
	rec := do(t, e, "POST", "/v1/tokens", testKey, "pii[id_number]=000000000&frobnicate=1", nil)
	got := errorBody(t, rec)
	if rec.Code != 400 || got.Code != "parameter_unknown" || got.Param != "frobnicate" {
		t.Errorf("%d %+v", rec.Code, got)
	}
}
