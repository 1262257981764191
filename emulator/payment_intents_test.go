package emulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// confirmPI makes and confirms a card PaymentIntent of 2000 usd with pm
// (card only, as a server confirming without a return_url must ask).
func confirmPI(c *stripe.Client, pm string, edit func(*stripe.PaymentIntentCreateParams)) (*stripe.PaymentIntent, error) {
	p := &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(2000), Currency: stripe.String("usd"),
		PaymentMethod: stripe.String(pm), Confirm: stripe.Bool(true), PaymentMethodTypes: stripe.StringSlice([]string{"card"})}
	if edit != nil {
		edit(p)
	}
	return c.V1PaymentIntents.Create(ctx, p)
}

// TestPaymentIntentEveryCard confirms a PaymentIntent with each test
// card, by its test PaymentMethod or by a PaymentMethod made from its
// token, and checks where the catalog says it ends.
func TestPaymentIntentEveryCard(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	for _, p := range model.Cards {
		if p.TokenizeCode != "" {
			continue
		}
		t.Run(p.Name, func(t *testing.T) {
			pmID := p.PaymentMethod
			if pmID == "" {
				tok, err := c.V1Tokens.Create(ctx, cardParams(t, p.Number))
				if err != nil {
					t.Fatal(err)
				}
				pm, err := c.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.String("card"),
					Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String(tok.ID)}})
				if err != nil {
					t.Fatal(err)
				}
				pmID = pm.ID
			}
			pi, err := confirmPI(c, pmID, nil)
			o := p.Outcome
			switch {
			case o.ThreeDS.Asks(false):
				if err != nil || pi.Status != stripe.PaymentIntentStatusRequiresAction || pi.NextAction == nil ||
					pi.NextAction.Type != "use_stripe_sdk" || pi.LatestCharge != nil {
					t.Fatalf("want requires_action: %+v %v", pi, err)
				}
			case afterAuth(o).Declines():
				se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, afterAuth(o).Code)
				if se.PaymentIntent == nil || se.PaymentIntent.Status != stripe.PaymentIntentStatusRequiresPaymentMethod ||
					se.PaymentIntent.LastPaymentError == nil || string(se.PaymentIntent.LastPaymentError.DeclineCode) != o.DeclineCode ||
					!strings.HasPrefix(se.ChargeID, "ch_") || se.PaymentIntent.LatestCharge.ID != se.ChargeID {
					t.Fatalf("decline %+v", se)
				}
			default:
				if err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded || pi.AmountReceived != 2000 || pi.LatestCharge == nil {
					t.Fatalf("want succeeded: %+v %v", pi, err)
				}
				ch, err := c.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
				if err != nil || ch.PaymentIntent == nil || ch.PaymentIntent.ID != pi.ID || !ch.Captured || ch.PaymentMethod != pi.PaymentMethod.ID {
					t.Fatalf("charge %+v %v", ch, err)
				}
			}
		})
	}
}

// challenge answers pi's 3D Secure page as a browser would: GET the
// page at its URL, then POST its form; it returns the POST's answer.
func challenge(t *testing.T, h http.Handler, link, action string) *httptest.ResponseRecorder {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	get := httptest.NewRecorder()
	h.ServeHTTP(get, httptest.NewRequest("GET", u.RequestURI(), nil))
	if get.Code != 200 || !strings.Contains(get.Body.String(), `value="complete"`) {
		t.Fatalf("GET %s: %d %s", link, get.Code, get.Body)
	}
	r := httptest.NewRequest("POST", u.RequestURI(), strings.NewReader("action="+action+"&client_secret="+url.QueryEscape(u.Query().Get("client_secret"))))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	post := httptest.NewRecorder()
	h.ServeHTTP(post, r)
	return post
}

func TestThreeDSChallenge(t *testing.T) {
	e, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	for _, tc := range []struct {
		pm, action string
		want       stripe.PaymentIntentStatus
		code       string
	}{
		{"pm_card_authenticationRequired", "complete", stripe.PaymentIntentStatusSucceeded, ""},
		{"pm_card_threeDSecure2Required", "fail", stripe.PaymentIntentStatusRequiresPaymentMethod, "payment_intent_authentication_failure"},
		{"pm_card_threeDSecureRequiredChargeDeclined", "complete", stripe.PaymentIntentStatusRequiresPaymentMethod, "card_declined"},
	} {
		t.Run(tc.pm+"/"+tc.action, func(t *testing.T) {
			pi, err := confirmPI(c, tc.pm, func(p *stripe.PaymentIntentCreateParams) { p.ReturnURL = stripe.String("https://shop.example/done") })
			if err != nil || pi.Status != stripe.PaymentIntentStatusRequiresAction || pi.NextAction.RedirectToURL == nil {
				t.Fatalf("%+v %v", pi, err)
			}
			link := pi.NextAction.RedirectToURL.URL
			if !strings.HasPrefix(link, srv.URL+"/3ds/"+pi.ID+"?client_secret=") || pi.NextAction.RedirectToURL.ReturnURL != "https://shop.example/done" {
				t.Fatalf("next_action %+v", pi.NextAction.RedirectToURL)
			}
			res := challenge(t, e, link, tc.action)
			loc := res.Header().Get("Location")
			if res.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "https://shop.example/done?") || !strings.Contains(loc, "payment_intent="+pi.ID) {
				t.Fatalf("after %s: %d %q", tc.action, res.Code, loc)
			}
			got, err := c.V1PaymentIntents.Retrieve(ctx, pi.ID, nil)
			if err != nil || got.Status != tc.want || got.NextAction != nil {
				t.Fatalf("after %s: %+v %v", tc.action, got, err)
			}
			if tc.code != "" && (got.LastPaymentError == nil || string(got.LastPaymentError.Code) != tc.code) {
				t.Fatalf("last_payment_error %+v", got.LastPaymentError)
			}
			// The challenge is answered once.
			again := httptest.NewRecorder()
			e.ServeHTTP(again, httptest.NewRequest("GET", strings.TrimPrefix(link, srv.URL), nil))
			if strings.Contains(again.Body.String(), `value="complete"`) {
				t.Error("the page still offers the challenge")
			}
		})
	}
	pi, _ := confirmPI(c, "pm_card_authenticationRequired", nil)
	var raw struct {
		NextAction struct {
			UseStripeSDK struct {
				StripeJS string `json:"stripe_js"`
			} `json:"use_stripe_sdk"`
		} `json:"next_action"`
	}
	_ = json.Unmarshal(pi.LastResponse.RawJSON, &raw)
	u, _ := url.Parse(raw.NextAction.UseStripeSDK.StripeJS)
	for _, bad := range []string{"/3ds/" + pi.ID + "?client_secret=wrong", "/3ds/pi_nope?client_secret=" + url.QueryEscape(u.Query().Get("client_secret"))} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest("GET", bad, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d", bad, rec.Code)
		}
	}
	r := httptest.NewRequest("POST", u.RequestURI(), strings.NewReader("action=complete"))
	r.Header.Set("Accept", "application/json")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, r)
	var got map[string]any
	if json.Unmarshal(rec.Body.Bytes(), &got); rec.Code != 200 || got["status"] != "succeeded" {
		t.Fatalf("JSON completion: %d %s", rec.Code, rec.Body)
	}
}

func TestCaptureAndCancel(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	manual := func(p *stripe.PaymentIntentCreateParams) { p.CaptureMethod = stripe.String("manual") }
	pi, err := confirmPI(c, "pm_card_visa", manual)
	if err != nil || pi.Status != stripe.PaymentIntentStatusRequiresCapture || pi.AmountCapturable != 2000 {
		t.Fatalf("%+v %v", pi, err)
	}
	ch, _ := c.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
	if ch.Captured || ch.AmountCaptured != 0 || ch.Status != stripe.ChargeStatusSucceeded {
		t.Fatalf("uncaptured charge %+v", ch)
	}
	_, err = c.V1PaymentIntents.Capture(ctx, pi.ID, &stripe.PaymentIntentCaptureParams{AmountToCapture: stripe.Int64(2001)})
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "amount_too_large")
	got, err := c.V1PaymentIntents.Capture(ctx, pi.ID, &stripe.PaymentIntentCaptureParams{AmountToCapture: stripe.Int64(1500)})
	if err != nil || got.Status != stripe.PaymentIntentStatusSucceeded || got.AmountReceived != 1500 || got.AmountCapturable != 0 {
		t.Fatalf("capture %+v %v", got, err)
	}
	ch, _ = c.V1Charges.Retrieve(ctx, pi.LatestCharge.ID, nil)
	if !ch.Captured || ch.AmountCaptured != 1500 || ch.BalanceTransaction == nil {
		t.Fatalf("captured charge %+v", ch)
	}
	_, err = c.V1PaymentIntents.Capture(ctx, pi.ID, nil)
	se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeUnexpectedState)
	if !strings.Contains(se.Msg, "status of succeeded") {
		t.Errorf("message %q", se.Msg)
	}
	_, err = c.V1PaymentIntents.Cancel(ctx, pi.ID, nil)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeUnexpectedState)

	held, _ := confirmPI(c, "pm_card_visa", manual)
	canceled, err := c.V1PaymentIntents.Cancel(ctx, held.ID, &stripe.PaymentIntentCancelParams{CancellationReason: stripe.String("requested_by_customer")})
	if err != nil || canceled.Status != stripe.PaymentIntentStatusCanceled || canceled.CanceledAt == 0 || canceled.CancellationReason != "requested_by_customer" {
		t.Fatalf("cancel %+v %v", canceled, err)
	}
	_, err = c.V1PaymentIntents.Confirm(ctx, held.ID, nil)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeUnexpectedState)
}

func TestPaymentMethodFromToken(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	tok, _ := c.V1Tokens.Create(ctx, cardParams(t, "4000002760003184"))
	params := &stripe.PaymentMethodCreateParams{Type: stripe.String("card"), Card: &stripe.PaymentMethodCreateCardParams{Token: stripe.String(tok.ID)}}
	pm, err := c.V1PaymentMethods.Create(ctx, params)
	if err != nil || !strings.HasPrefix(pm.ID, "pm_") || pm.Card.Last4 != "3184" || pm.Card.Brand != "visa" {
		t.Fatalf("%+v %v", pm, err)
	}
	if got, _ := c.V1Tokens.Retrieve(ctx, tok.ID, nil); !got.Used {
		t.Error("the token is not used")
	}
	_, err = c.V1PaymentMethods.Create(ctx, params)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "token_already_used"); se.Param != "card[token]" {
		t.Errorf("param %q", se.Param)
	}
	cus, _ := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})
	if _, err := c.V1PaymentMethods.Attach(ctx, pm.ID, &stripe.PaymentMethodAttachParams{Customer: stripe.String(cus.ID)}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for got, err := range c.V1PaymentMethods.List(ctx, &stripe.PaymentMethodListParams{Customer: stripe.String(cus.ID)}).All(ctx) {
		if err != nil || got.ID != pm.ID {
			t.Fatalf("list: %+v %v", got, err)
		}
		n++
	}
	if n != 1 {
		t.Fatalf("%d listed", n)
	}
	// A PaymentMethod of a customer is used with that customer only.
	_, err = confirmPI(c, pm.ID, nil)
	stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")
	if d, err := c.V1PaymentMethods.Detach(ctx, pm.ID, nil); err != nil || d.Customer != nil {
		t.Fatalf("detach %+v %v", d, err)
	}
}
