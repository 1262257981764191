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

// setUp makes a SetupIntent through stripe-go, confirmed at once, with
// pm for cus ("" for none).
func setUp(c *stripe.Client, pm, cus string, edit func(*stripe.SetupIntentCreateParams)) (*stripe.SetupIntent, error) {
	p := &stripe.SetupIntentCreateParams{PaymentMethod: stripe.String(pm), Confirm: stripe.Bool(true),
		PaymentMethodTypes: []*string{stripe.String("card")}} // no return_url needed, as on Stripe
	if cus != "" {
		p.Customer = stripe.String(cus)
	}
	if edit != nil {
		edit(p)
	}
	return c.V1SetupIntents.Create(ctx, p)
}

// offSessionPI pays 2000 usd off session with a customer's saved pm.
func offSessionPI(c *stripe.Client, pm, cus string) (*stripe.PaymentIntent, error) {
	return confirmPI(c, pm, func(p *stripe.PaymentIntentCreateParams) {
		p.Customer, p.OffSession = stripe.String(cus), stripe.Bool(true)
	})
}

// A card saved by a SetupIntent is attached to its customer and pays
// off session later, the flow Stripe recommends; a 3D Secure card set up
// through the challenge pays off session without one, while one never
// set up is declined as needing authentication.
func TestSetupIntentSavesACard(t *testing.T) {
	e, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})
	if err != nil {
		t.Fatal(err)
	}
	si, err := setUp(c, "pm_card_visa", cus.ID, func(p *stripe.SetupIntentCreateParams) {
		p.Description, p.Metadata = stripe.String("save for later"), map[string]string{"order": "42"}
	})
	if err != nil || si.Status != stripe.SetupIntentStatusSucceeded || si.Usage != "off_session" || si.NextAction != nil ||
		si.Description != "save for later" || si.Metadata["order"] != "42" || si.Customer == nil || si.Customer.ID != cus.ID {
		t.Fatalf("%+v %v", si, err)
	}
	if !strings.HasPrefix(si.ID, "seti_") || !strings.HasPrefix(si.ClientSecret, si.ID+"_secret_") {
		t.Errorf("id %s, client_secret %s", si.ID, si.ClientSecret)
	}
	pm, err := c.V1PaymentMethods.Retrieve(ctx, si.PaymentMethod.ID, nil)
	if err != nil || pm.Customer == nil || pm.Customer.ID != cus.ID {
		t.Fatalf("the saved PaymentMethod: %+v %v", pm, err)
	}
	if pi, err := offSessionPI(c, pm.ID, cus.ID); err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded {
		t.Fatalf("off-session payment with the saved card: %+v %v", pi, err)
	}

	for _, tc := range []struct {
		pm           string
		offSessionOK bool
	}{
		{"pm_card_authenticationRequiredOnSetup", true}, // 4000002500003155
		{"pm_card_authenticationRequired", false},       // 4000002760003184: every payment asks
	} {
		t.Run(tc.pm, func(t *testing.T) {
			si, err := setUp(c, tc.pm, cus.ID, func(p *stripe.SetupIntentCreateParams) { p.ReturnURL = stripe.String("https://shop.example/saved") })
			if err != nil || si.Status != stripe.SetupIntentStatusRequiresAction || si.NextAction == nil || si.NextAction.RedirectToURL == nil {
				t.Fatalf("want requires_action: %+v %v", si, err)
			}
			link := si.NextAction.RedirectToURL.URL
			if !strings.HasPrefix(link, srv.URL+"/3ds/"+si.ID+"?client_secret=") || si.NextAction.RedirectToURL.ReturnURL != "https://shop.example/saved" {
				t.Fatalf("next_action %+v", si.NextAction.RedirectToURL)
			}
			if pm, _ := c.V1PaymentMethods.Retrieve(ctx, si.PaymentMethod.ID, nil); pm.Customer != nil {
				t.Fatal("attached before the challenge")
			}
			res := challenge(t, e, link, "complete")
			loc, _ := url.Parse(res.Header().Get("Location"))
			if res.Code != http.StatusSeeOther || loc.Host != "shop.example" || loc.Query().Get("setup_intent") != si.ID ||
				loc.Query().Get("setup_intent_client_secret") != si.ClientSecret || loc.Query().Get("redirect_status") != "succeeded" {
				t.Fatalf("after the challenge: %d %v", res.Code, loc)
			}
			got, err := c.V1SetupIntents.Retrieve(ctx, si.ID, nil)
			if err != nil || got.Status != stripe.SetupIntentStatusSucceeded || got.NextAction != nil || got.PaymentMethod == nil {
				t.Fatalf("after the challenge: %+v %v", got, err)
			}
			pm, _ := c.V1PaymentMethods.Retrieve(ctx, got.PaymentMethod.ID, nil)
			if pm.Customer == nil || pm.Customer.ID != cus.ID {
				t.Fatalf("not attached: %+v", pm.Customer)
			}
			pi, err := offSessionPI(c, pm.ID, cus.ID)
			switch {
			case tc.offSessionOK && (err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded):
				t.Errorf("off session once set up: %+v %v", pi, err)
			case !tc.offSessionOK:
				stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, "authentication_required")
			}
		})
	}
	// The same card never set up: declined off session.
	attached, err := c.V1PaymentMethods.Attach(ctx, "pm_card_authenticationRequiredOnSetup", &stripe.PaymentMethodAttachParams{Customer: stripe.String(cus.ID)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = offSessionPI(c, attached.ID, cus.ID)
	stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, "authentication_required")
	// Set up instead by a payment that saves it (setup_future_usage),
	// authenticated on session: it then pays off session too.
	saving, err := confirmPI(c, "pm_card_authenticationRequiredOnSetup", func(p *stripe.PaymentIntentCreateParams) {
		p.Customer, p.SetupFutureUsage = stripe.String(cus.ID), stripe.String("off_session")
		p.ReturnURL = stripe.String("https://shop.example/paid")
	})
	if err != nil || saving.Status != stripe.PaymentIntentStatusRequiresAction {
		t.Fatalf("%+v %v", saving, err)
	}
	if res := challenge(t, e, saving.NextAction.RedirectToURL.URL, "complete"); res.Code != http.StatusSeeOther {
		t.Fatalf("challenge: %d", res.Code)
	}
	if pi, err := offSessionPI(c, saving.PaymentMethod.ID, cus.ID); err != nil || pi.Status != stripe.PaymentIntentStatusSucceeded {
		t.Errorf("off session once saved by a payment: %+v %v", pi, err)
	}
}

// A failed challenge, a declining card: the SetupIntent is back in
// requires_payment_method with last_setup_error, the card unsaved.
func TestSetupIntentFailures(t *testing.T) {
	e, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus, _ := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})

	si, err := setUp(c, "pm_card_threeDSecure2Required", cus.ID, nil)
	if err != nil || si.NextAction == nil || si.NextAction.Type != "use_stripe_sdk" {
		t.Fatalf("%+v %v", si, err)
	}
	var raw struct {
		NextAction struct {
			UseStripeSDK struct {
				StripeJS string `json:"stripe_js"`
			} `json:"use_stripe_sdk"`
		} `json:"next_action"`
	}
	_ = json.Unmarshal(si.LastResponse.RawJSON, &raw)
	link := raw.NextAction.UseStripeSDK.StripeJS
	page := httptest.NewRecorder()
	e.ServeHTTP(page, httptest.NewRequest("GET", strings.TrimPrefix(link, srv.URL), nil))
	if body := page.Body.String(); !strings.Contains(body, "Saving Visa •••• 3220 for <code>"+si.ID) || !strings.Contains(body, "test card setup") {
		t.Errorf("the page: %s", body)
	}
	if res := challenge(t, e, link, "fail"); res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "requires_payment_method") {
		t.Fatalf("the page after failing: %d %s", res.Code, res.Body)
	}
	got, _ := c.V1SetupIntents.Retrieve(ctx, si.ID, nil)
	if got.Status != stripe.SetupIntentStatusRequiresPaymentMethod || got.PaymentMethod != nil || got.LastSetupError == nil ||
		got.LastSetupError.Code != stripe.ErrorCodeSetupIntentAuthenticationFailure || got.LastSetupError.PaymentMethod == nil ||
		got.LastSetupError.PaymentMethod.ID != si.PaymentMethod.ID {
		t.Fatalf("after a failed challenge: %+v", got)
	}
	if pm, _ := c.V1PaymentMethods.Retrieve(ctx, si.PaymentMethod.ID, nil); pm.Customer != nil {
		t.Error("a card that failed authentication was saved")
	}
	// Confirmed again with a good card, it succeeds.
	again, err := c.V1SetupIntents.Confirm(ctx, si.ID, &stripe.SetupIntentConfirmParams{PaymentMethod: stripe.String("pm_card_mastercard")})
	if err != nil || again.Status != stripe.SetupIntentStatusSucceeded || again.LastSetupError != nil {
		t.Fatalf("confirmed again: %+v %v", again, err)
	}

	for _, tc := range []struct{ pm, code, decline string }{
		{"pm_card_chargeDeclined", "card_declined", "generic_decline"}, // 4000000000000002
		{"pm_card_visa_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"},
		{"pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "incorrect_cvc"},
	} {
		_, err := setUp(c, tc.pm, cus.ID, nil)
		se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, tc.code)
		failed := se.SetupIntent
		if string(se.DeclineCode) != tc.decline || failed == nil || failed.Status != stripe.SetupIntentStatusRequiresPaymentMethod ||
			failed.PaymentMethod != nil || failed.LastSetupError == nil || string(failed.LastSetupError.DeclineCode) != tc.decline ||
			failed.LastSetupError.PaymentMethod == nil {
			t.Errorf("%s: %+v %+v", tc.pm, se, failed)
			continue
		}
		if pm, _ := c.V1PaymentMethods.Retrieve(ctx, failed.LastSetupError.PaymentMethod.ID, nil); pm.Customer != nil {
			t.Errorf("%s: a declined card was saved", tc.pm)
		}
	}
}

// Update before confirmation, cancel, and Stripe's refusals: a status
// that does not allow the move, an unknown id, a bad parameter.
func TestSetupIntentLifecycleAndRefusals(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus, _ := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})

	si, err := c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Usage: stripe.String("on_session"),
		PaymentMethodTypes: []*string{stripe.String("card")}})
	if err != nil || si.Status != stripe.SetupIntentStatusRequiresPaymentMethod || si.Usage != "on_session" || si.PaymentMethod != nil {
		t.Fatalf("%+v %v", si, err)
	}
	_, err = c.V1SetupIntents.Confirm(ctx, si.ID, nil)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "parameter_missing"); se.Param != "payment_method" {
		t.Errorf("param %q", se.Param)
	}
	up, err := c.V1SetupIntents.Update(ctx, si.ID, &stripe.SetupIntentUpdateParams{Customer: stripe.String(cus.ID),
		PaymentMethod: stripe.String("pm_card_visa"), Description: stripe.String("hat")})
	if err != nil || up.Status != stripe.SetupIntentStatusRequiresConfirmation || up.Description != "hat" || up.Customer.ID != cus.ID {
		t.Fatalf("update: %+v %v", up, err)
	}
	done, err := c.V1SetupIntents.Confirm(ctx, si.ID, nil)
	if err != nil || done.Status != stripe.SetupIntentStatusSucceeded {
		t.Fatalf("confirm: %+v %v", done, err)
	}
	_, err = c.V1SetupIntents.Confirm(ctx, si.ID, nil)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeSetupUnexpectedState); !strings.Contains(se.Msg, "already succeeded") {
		t.Errorf("message %q", se.Msg)
	}
	_, err = c.V1SetupIntents.Cancel(ctx, si.ID, nil)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeSetupUnexpectedState); !strings.Contains(se.Msg, "status of succeeded") {
		t.Errorf("message %q", se.Msg)
	}
	_, err = c.V1SetupIntents.Update(ctx, si.ID, &stripe.SetupIntentUpdateParams{PaymentMethod: stripe.String("pm_card_mastercard")})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeSetupUnexpectedState); se.Param != "payment_method" {
		t.Errorf("param %q", se.Param)
	}
	if md, err := c.V1SetupIntents.Update(ctx, si.ID, &stripe.SetupIntentUpdateParams{Metadata: map[string]string{"k": "v"}}); err != nil || md.Metadata["k"] != "v" {
		t.Errorf("metadata after success: %+v %v", md, err)
	}

	open, _ := c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{})
	canceled, err := c.V1SetupIntents.Cancel(ctx, open.ID, &stripe.SetupIntentCancelParams{CancellationReason: stripe.String("requested_by_customer")})
	if err != nil || canceled.Status != stripe.SetupIntentStatusCanceled || canceled.CancellationReason != "requested_by_customer" {
		t.Fatalf("cancel: %+v %v", canceled, err)
	}
	_, err = c.V1SetupIntents.Confirm(ctx, open.ID, &stripe.SetupIntentConfirmParams{PaymentMethod: stripe.String("pm_card_visa")})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeSetupUnexpectedState); !strings.Contains(se.Msg, "status of canceled") {
		t.Errorf("message %q", se.Msg)
	}

	_, err = c.V1SetupIntents.Retrieve(ctx, "seti_nope", nil)
	if se := stripeErr(t, err, 404, stripe.ErrorTypeInvalidRequest, "resource_missing"); se.Param != "intent" || se.Msg != "No such setupintent: 'seti_nope'" {
		t.Errorf("%q %q", se.Param, se.Msg)
	}
	_, err = c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Customer: stripe.String("cus_nope")})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "resource_missing"); se.Param != "customer" {
		t.Errorf("param %q", se.Param)
	}
	_, err = c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Usage: stripe.String("sometimes")})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "usage" {
		t.Errorf("param %q", se.Param)
	}
	_, err = c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{ReturnURL: stripe.String("https://shop.example")})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "return_url" {
		t.Errorf("param %q", se.Param)
	}
	_, err = c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{FlowDirections: []*string{stripe.String("inbound")}})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, codeNotModelled); se.Param != "flow_directions[0]" {
		t.Errorf("param %q", se.Param)
	}
	// A PaymentMethod of another customer is not set up for this one.
	other, _ := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})
	_, err = setUp(c, done.PaymentMethod.ID, other.ID, nil)
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se.Param != "payment_method" {
		t.Errorf("param %q", se.Param)
	}
}

// GET /v1/setup_intents pages as every list does, newest first, and
// filters by customer, payment_method and created.
func TestSetupIntentList(t *testing.T) {
	e, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus, _ := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})
	var ids, mine []string
	for i := range 5 {
		p := &stripe.SetupIntentCreateParams{}
		if i%2 == 0 {
			p.Customer = stripe.String(cus.ID)
		}
		si, err := c.V1SetupIntents.Create(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		ids = append([]string{si.ID}, ids...) // newest first
		if i%2 == 0 {
			mine = append([]string{si.ID}, mine...)
		}
	}
	walk := func(p *stripe.SetupIntentListParams) []string {
		t.Helper()
		p.Limit = stripe.Int64(2)
		var got []string
		for si, err := range c.V1SetupIntents.List(ctx, p).All(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, si.ID)
		}
		return got
	}
	if got := walk(&stripe.SetupIntentListParams{}); strings.Join(got, " ") != strings.Join(ids, " ") {
		t.Errorf("all, by pages of 2:\n got %v\nwant %v", got, ids)
	}
	if got := walk(&stripe.SetupIntentListParams{Customer: stripe.String(cus.ID)}); strings.Join(got, " ") != strings.Join(mine, " ") {
		t.Errorf("customer's: got %v, want %v", got, mine)
	}
	after := &stripe.SetupIntentListParams{}
	after.StartingAfter = stripe.String(ids[1])
	if got := walk(after); strings.Join(got, " ") != strings.Join(ids[2:], " ") {
		t.Errorf("after %s: %v", ids[1], got)
	}
	rec := do(t, e, "GET", "/v1/setup_intents?limit=2&ending_before="+ids[4], testKey, "", nil)
	var page listJSON
	if _ = json.Unmarshal(rec.Body.Bytes(), &page); len(page.Data) != 2 || !page.HasMore {
		t.Errorf("ending_before: %s", rec.Body)
	}
	si, _ := setUp(c, "pm_card_visa", "", nil)
	if got := walk(&stripe.SetupIntentListParams{PaymentMethod: stripe.String(si.PaymentMethod.ID)}); len(got) != 1 || got[0] != si.ID {
		t.Errorf("by payment_method: %v", got)
	}
	later := &stripe.SetupIntentListParams{}
	later.CreatedRange = &stripe.RangeQueryParams{GreaterThan: si.Created}
	if got := walk(later); len(got) != 0 {
		t.Errorf("created after the newest: %v", got)
	}
	rec = do(t, e, "GET", "/v1/setup_intents?starting_after=seti_nope", testKey, "", nil)
	if got := errorBody(t, rec); rec.Code != 400 || got.Code != "resource_missing" || got.Param != "starting_after" {
		t.Errorf("unknown cursor: %d %+v", rec.Code, got)
	}
}

// Each step of a SetupIntent is its event, made by the event table.
func TestSetupIntentEvents(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := postOK(t, e, "/v1/customers", "")["id"].(string)
	seen := ""
	since := func() []string {
		t.Helper()
		evs := listed(t, e, "/v1/events?limit=100")
		var got []string
		for _, ev := range evs {
			if ev.ID == seen {
				break
			}
			got = append([]string{ev.Type}, got...) // oldest first
		}
		if len(evs) > 0 {
			seen = evs[0].ID
		}
		return got
	}
	check := func(what string, want ...string) {
		t.Helper()
		if got := since(); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s:\n got %v\nwant %v", what, got, want)
		}
	}
	since()
	post(t, e, "/v1/setup_intents", "payment_method_types[]=card&confirm=true&payment_method=pm_card_visa&customer="+cus, nil)
	check("saved", "setup_intent.created", "payment_method.attached", "setup_intent.succeeded")

	si := postOK(t, e, "/v1/setup_intents", "payment_method_types[]=card&confirm=true&payment_method=pm_card_authenticationRequired&customer="+cus)
	check("challenged", "setup_intent.created", "setup_intent.requires_action")
	link := si["next_action"].(map[string]any)["use_stripe_sdk"].(map[string]any)["stripe_js"].(string)
	challenge(t, e, link, "fail")
	check("challenge failed", "setup_intent.setup_failed")

	post(t, e, "/v1/setup_intents", "payment_method_types[]=card&confirm=true&payment_method=pm_card_chargeDeclined&customer="+cus, nil)
	check("declined", "setup_intent.created", "setup_intent.setup_failed")

	post(t, e, "/v1/setup_intents/"+si["id"].(string)+"/cancel", "", nil)
	check("canceled", "setup_intent.canceled")
	evs := listed(t, e, "/v1/events?type=setup_intent.canceled")
	if len(evs) != 1 || string(evs[0].Data.PreviousAttributes["status"]) != `"requires_payment_method"` {
		t.Errorf("setup_intent.canceled: %+v", evs)
	}
}
