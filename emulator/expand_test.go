package emulator

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// stripe-go's expansions: a charge's customer, nested into the customer's
// card, in a list's data, and the sources a customer shows only expanded.
func TestStripeGoExpand(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.String("jenny@example.com"), Source: stripe.String("tok_visa")})
	if err != nil {
		t.Fatal(err)
	}
	create := &stripe.ChargeCreateParams{Amount: stripe.Int64(2000), Currency: stripe.String("usd"), Customer: stripe.String(cus.ID)}
	create.AddExpand("customer")
	ch, err := c.V1Charges.Create(ctx, create)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Customer == nil || ch.Customer.Email != "jenny@example.com" {
		t.Fatalf("created charge's customer %+v", ch.Customer)
	}

	get := &stripe.ChargeRetrieveParams{}
	get.AddExpand("customer.default_source")
	get.AddExpand("balance_transaction.source")
	got, err := c.V1Charges.Retrieve(ctx, ch.ID, get)
	if err != nil {
		t.Fatal(err)
	}
	if got.Customer.Email != "jenny@example.com" || got.Customer.DefaultSource == nil || got.Customer.DefaultSource.Card == nil ||
		got.Customer.DefaultSource.Card.Last4 != "4242" {
		t.Errorf("customer.default_source: %+v", got.Customer)
	}
	bt := got.BalanceTransaction
	if bt == nil || bt.Amount != 2000 || bt.Fee != 88 || bt.Net != 1912 || bt.Currency != "usd" || bt.Type != "charge" ||
		bt.Source == nil || bt.Source.Charge == nil || bt.Source.Charge.ID != ch.ID || bt.Source.Charge.Amount != 2000 {
		t.Errorf("balance_transaction.source: %+v", bt)
	}

	list := &stripe.ChargeListParams{}
	list.AddExpand("data.customer")
	n := 0
	for lc, err := range c.V1Charges.List(ctx, list).All(ctx) {
		if err != nil || lc.Customer == nil || lc.Customer.Email != "jenny@example.com" {
			t.Fatalf("listed charge's customer %+v %v", lc.Customer, err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d charges", n)
	}

	cget := &stripe.CustomerRetrieveParams{}
	cget.AddExpand("sources")
	full, err := c.V1Customers.Retrieve(ctx, cus.ID, cget)
	if err != nil || full.Sources == nil || len(full.Sources.Data) != 1 || full.Sources.Data[0].Card == nil {
		t.Errorf("customer sources %+v %v", full.Sources, err)
	}
	plain, err := c.V1Customers.Retrieve(ctx, cus.ID, nil)
	if err != nil || plain.Sources != nil || plain.DefaultSource == nil || plain.DefaultSource.Card != nil {
		t.Errorf("unexpanded customer %+v %v", plain, err)
	}
}

func TestExpand(t *testing.T) {
	e, _ := New(Options{Now: clock})
	rec := do(t, e, "POST", "/v1/customers", testKey, "email=jenny@example.com&source=tok_visa&expand[0]=default_source", nil)
	cus := decode(t, rec.Body.Bytes())
	if src, _ := cus["default_source"].(map[string]any); src["object"] != "card" || src["last4"] != "4242" {
		t.Fatalf("expand[0]=default_source: %s", rec.Body)
	}
	cusID := cus["id"].(string)
	rec = do(t, e, "POST", "/v1/charges", testKey, "amount=1000&currency=usd&customer="+cusID, nil)
	chID := decode(t, rec.Body.Bytes())["id"].(string)

	for _, tc := range []struct {
		path  string
		check func(map[string]any) bool
	}{
		{"/v1/charges/" + chID + "?expand[]=review&expand[]=payment_intent", func(m map[string]any) bool {
			return m["review"] == nil && m["payment_intent"] == nil
		}},
		{"/v1/charges/" + chID + "?expand[]=refunds", func(m map[string]any) bool {
			r, _ := m["refunds"].(map[string]any)
			return r["object"] == "list" && r["url"] == "/v1/charges/"+chID+"/refunds"
		}},
		{"/v1/charges/" + chID + "?expand[]=customer.sources.data.customer", func(m map[string]any) bool {
			data := dig(m, "customer", "sources", "data").([]any)
			return len(data) == 1 && dig(data[0].(map[string]any), "customer", "email") == "jenny@example.com"
		}},
		{"/v1/charges/" + chID + "?expand[]=customer&expand[]=customer.default_source", func(m map[string]any) bool {
			return dig(m, "customer", "default_source", "object") == "card"
		}},
		{"/v1/charges/" + chID + "?expand[]=outcome.rule", func(m map[string]any) bool {
			return dig(m, "outcome", "type") == "authorized"
		}},
		{"/v1/tokens/tok_visa?expand[]=card.customer", func(m map[string]any) bool {
			return dig(m, "card", "customer") == nil && dig(m, "card", "last4") == "4242"
		}},
		{"/v1/customers/" + cusID + "/sources?expand[]=data.customer", func(m map[string]any) bool {
			data := m["data"].([]any)
			return dig(data[0].(map[string]any), "customer", "id") == cusID
		}},
		{"/v1/customers?expand[]=data.sources", func(m map[string]any) bool {
			data := m["data"].([]any)
			return dig(data[0].(map[string]any), "sources", "object") == "list"
		}},
	} {
		rec := do(t, e, "GET", tc.path, testKey, "", nil)
		if rec.Code != 200 || !tc.check(decode(t, rec.Body.Bytes())) {
			t.Errorf("%s: %d %s", tc.path, rec.Code, rec.Body)
		}
	}
}

func TestExpandRefused(t *testing.T) {
	e, _ := New(Options{Now: clock})
	rec := do(t, e, "POST", "/v1/charges", testKey, "amount=1000&currency=usd&source=tok_visa", nil)
	chID := decode(t, rec.Body.Bytes())["id"].(string)
	evt := firstEvent(t, e)
	for _, tc := range []struct{ method, path, body, message string }{
		// Objects in place are not expanded themselves (emu#11).
		{"GET", "/v1/charges/" + chID + "?expand[]=billing_details", "", "This property cannot be expanded (billing_details)."},
		{"GET", "/v1/charges/" + chID + "?expand[]=outcome", "", "This property cannot be expanded (outcome)."},
		{"GET", "/v1/tokens/tok_visa?expand[]=card", "", "This property cannot be expanded (card)."},
		{"GET", "/v1/payment_methods/pm_card_visa?expand[]=card", "", "This property cannot be expanded (card)."},
		// Nothing in an event expands, its data.object included.
		{"GET", "/v1/events/" + evt + "?expand[]=request", "", "This property cannot be expanded (request)."},
		{"GET", "/v1/events/" + evt + "?expand[]=data", "", "This property cannot be expanded (data)."},
		{"GET", "/v1/events/" + evt + "?expand[]=data.object.balance_transaction", "", "This property cannot be expanded (data)."},
		{"GET", "/v1/events?expand[]=data.request", "", "This property cannot be expanded (request)."},
		{"GET", "/v1/events?expand[]=data.data.object.customer", "", "This property cannot be expanded (data)."},
		{"GET", "/v1/charges/" + chID + "?expand[]=amount", "", "This property cannot be expanded (amount)."},
		{"GET", "/v1/charges/" + chID + "?expand[]=customer.email", "", "This property cannot be expanded (email)."},
		{"GET", "/v1/charges/" + chID + "?expand[]=nothing", "", "This property cannot be expanded (nothing)."},
		{"GET", "/v1/charges?expand[]=customer", "", "This property cannot be expanded (customer). You may want to try expanding 'data.customer' instead."},
		{"GET", "/v1/charges?expand[]=data.amount", "", "This property cannot be expanded (amount)."},
		{"GET", "/v1/customers?expand[]=sources.data.customer", "", "This property cannot be expanded (sources). You may want to try expanding 'data.sources.data.customer' instead."},
		{"GET", "/v1/charges?expand[]=data.customer.sources.data.customer", "", "You cannot expand more than 4 levels of a property."},
		{"POST", "/v1/charges", "amount=1000&currency=usd&source=tok_visa&expand[]=currency", "This property cannot be expanded (currency)."},
	} {
		rec := do(t, e, tc.method, tc.path, testKey, tc.body, nil)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Type != "invalid_request_error" || got.Message != tc.message {
			t.Errorf("%s %s: %d %+v", tc.method, tc.path, rec.Code, got)
		}
	}
	// A refused expansion refuses the request before it runs.
	if n := stored(e, chargesColl); n != 1 {
		t.Errorf("%d charges, want 1", n)
	}
}

// The emulator's expandable fields are those Stripe's spec marks
// x-expandableFields, for each object it renders.
func TestExpandableFieldsAreTheSpecs(t *testing.T) {
	if err := loadSpec(); err != nil {
		t.Fatal(err)
	}
	for name, fields := range expandable {
		if name == "source" {
			continue
		}
		s := spec.doc.Components.Schemas[name]
		if s == nil {
			t.Errorf("no schema %s", name)
			continue
		}
		var want []string
		if raw, ok := s.Value.Extensions["x-expandableFields"].([]any); ok {
			for _, f := range raw {
				want = append(want, f.(string))
			}
		}
		var got []string
		for f := range fields {
			got = append(got, f)
		}
		sort.Strings(want)
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s expands %v, the spec %v", name, got, want)
		}
		// A field expanded itself is one the spec says expands to an
		// object (x-expansionResources), or a list; one in place is
		// neither.
		for f, kind := range fields {
			p := s.Value.Properties[f]
			if p == nil {
				continue
			}
			_, self := p.Value.Extensions["x-expansionResources"]
			list := p.Value.Properties["object"] != nil && p.Value.Properties["data"] != nil
			inPlace := kind == nested || kind == sealed || strings.HasPrefix(kind, nested+":")
			if inPlace == (self || list) && !(kind == sealed && list) {
				t.Errorf("%s.%s is %q, the spec: expands to an object %v, a list %v", name, f, kind, self, list)
			}
		}
	}
}

func decode(t *testing.T, raw []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	return m
}

// dig follows keys into nested objects; nil where one is missing.
func dig(m map[string]any, keys ...string) any {
	var v any = m
	for _, k := range keys {
		o, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = o[k]
	}
	return v
}
