package emulator

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
)

// ticking is a clock one second further on each read, so that objects
// made one after another have distinct created times.
func ticking() func() time.Time {
	var mu sync.Mutex
	now := fixedNow
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
}

// listOf is a list response as Stripe sends it.
type listOf struct {
	Object  string            `json:"object"`
	URL     string            `json:"url"`
	HasMore bool              `json:"has_more"`
	Data    []json.RawMessage `json:"data"`
}

func getList(t *testing.T, e *Emulator, path string) (listOf, *httptest.ResponseRecorder) {
	t.Helper()
	rec := do(t, e, "GET", path, testKey, "", nil)
	var l listOf
	if rec.Code == 200 {
		if err := json.Unmarshal(rec.Body.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
	}
	return l, rec
}

func listIDs(t *testing.T, l listOf) []string {
	t.Helper()
	var out []string
	for _, raw := range l.Data {
		var o struct{ ID string }
		json.Unmarshal(raw, &o)
		out = append(out, o.ID)
	}
	return out
}

// newCustomers makes n customers, every third with email jenny@example.com,
// and returns their ids newest first.
func newCustomers(t *testing.T, e *Emulator, n int) []string {
	t.Helper()
	var out []string
	for i := range n {
		body := "description=c" + fmt.Sprint(i)
		if i%3 == 0 {
			body += "&email=jenny@example.com"
		}
		rec := do(t, e, "POST", "/v1/customers", testKey, body, nil)
		var c struct{ ID string }
		if err := json.Unmarshal(rec.Body.Bytes(), &c); err != nil || c.ID == "" {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		out = append(out, c.ID)
	}
	slices.Reverse(out)
	return out
}

func TestListCustomers(t *testing.T) {
	e, _ := New(Options{Now: ticking()})
	all := newCustomers(t, e, 25)

	l, rec := getList(t, e, "/v1/customers")
	if rec.Code != 200 || l.Object != "list" || l.URL != "/v1/customers" || !l.HasMore || !slices.Equal(listIDs(t, l), all[:10]) {
		t.Fatalf("first page: %d %+v %v", rec.Code, l, listIDs(t, l))
	}
	for _, tc := range []struct {
		query   string
		want    []string
		hasMore bool
	}{
		{"limit=3", all[:3], true},
		{"limit=3&starting_after=" + all[2], all[3:6], true},
		{"limit=100&starting_after=" + all[20], all[21:], false},
		{"starting_after=" + all[24], nil, false},
		{"limit=3&ending_before=" + all[10], all[7:10], true},
		{"limit=3&ending_before=" + all[2], all[:2], false},
		{"ending_before=" + all[0], nil, false},
		{"limit=100", all, false},
		{"email=jenny@example.com&limit=4", []string{all[0], all[3], all[6], all[9]}, true},
		{"email=jenny@example.com&starting_after=" + all[9], []string{all[12], all[15], all[18], all[21], all[24]}, false},
		{"email=JENNY@example.com", nil, false},
		{"created[gte]=" + fmt.Sprint(fixedNow.Unix()+24) + "&created[lt]=" + fmt.Sprint(fixedNow.Unix()+26), all[:2], false},
		{"created=" + fmt.Sprint(fixedNow.Unix()+1), all[24:], false},
		{"created[lte]=" + fmt.Sprint(fixedNow.Unix()+2) + "&limit=1", all[23:24], true},
		{"test_clock=clock_123", nil, false},
		{"expand[]=data.default_source&limit=1", all[:1], true},
	} {
		l, rec := getList(t, e, "/v1/customers?"+tc.query)
		if rec.Code != 200 || !slices.Equal(listIDs(t, l), tc.want) || l.HasMore != tc.hasMore {
			t.Errorf("%s: %d %v has_more %v, want %v %v (%s)", tc.query, rec.Code, listIDs(t, l), l.HasMore, tc.want, tc.hasMore, rec.Body)
		}
	}
}

func TestListErrors(t *testing.T) {
	e, _ := New(Options{Now: ticking()})
	all := newCustomers(t, e, 2)
	for _, tc := range []struct {
		query, code, param, message string
	}{
		{"limit=0", "", "limit", "This value must be greater than or equal to 1."},
		{"limit=101", "", "limit", "This value must be less than or equal to 100."},
		{"limit=ten", "parameter_invalid_integer", "limit", "Invalid integer: ten"},
		{"created[gt]=soon", "parameter_invalid_integer", "created[gt]", "Invalid integer: soon"},
		{"created[after]=1", "parameter_unknown", "created[after]", "Received unknown parameter: created[after]"},
		{"starting_after=cus_nope", "resource_missing", "starting_after", "No such customer: 'cus_nope'"},
		{"ending_before=cus_nope", "resource_missing", "ending_before", "No such customer: 'cus_nope'"},
		{"starting_after=" + all[0] + "&ending_before=" + all[1], "", "ending_before", "You may only specify one of these parameters: ending_before, starting_after."},
	} {
		_, rec := getList(t, e, "/v1/customers?"+tc.query)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Type != "invalid_request_error" || got.Code != tc.code || got.Param != tc.param || got.Message != tc.message {
			t.Errorf("%s: %d %+v", tc.query, rec.Code, got)
		}
	}
	// Tokens are not listable in Stripe.
	if _, rec := getList(t, e, "/v1/tokens"); rec.Code != 404 {
		t.Errorf("GET /v1/tokens: %d", rec.Code)
	}
}

func TestListCharges(t *testing.T) {
	e, _ := New(Options{Now: ticking()})
	cus := newCustomers(t, e, 1)[0]
	do(t, e, "POST", "/v1/customers", testKey, "source=tok_visa", nil)
	var withCard struct{ ID string }
	l, _ := getList(t, e, "/v1/customers?limit=1")
	json.Unmarshal(l.Data[0], &withCard)

	var mine, all []string
	for i := range 6 {
		body := "amount=1000&currency=usd&source=tok_visa"
		if i%2 == 0 {
			body = "amount=1000&currency=usd&customer=" + withCard.ID
		}
		if i == 5 {
			body = "amount=1000&currency=usd&source=tok_chargeDeclined"
		}
		rec := do(t, e, "POST", "/v1/charges", testKey, body, nil)
		id := errorBody(t, rec).Charge
		if rec.Code == 200 {
			var ch struct{ ID string }
			json.Unmarshal(rec.Body.Bytes(), &ch)
			id = ch.ID
		}
		all = append([]string{id}, all...)
		if i%2 == 0 {
			mine = append([]string{id}, mine...)
		}
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", all},
		{"customer=" + withCard.ID, mine},
		{"customer=" + cus, nil},
		{"customer=" + withCard.ID + "&limit=2&starting_after=" + mine[0], mine[1:]},
		{"payment_intent=pi_123", nil},
		{"transfer_group=group_1", nil},
	} {
		l, rec := getList(t, e, "/v1/charges?"+tc.query)
		if rec.Code != 200 || l.URL != "/v1/charges" || !slices.Equal(listIDs(t, l), tc.want) {
			t.Errorf("%q: %d %v, want %v (%s)", tc.query, rec.Code, listIDs(t, l), tc.want, rec.Body)
		}
	}
}

func TestListSources(t *testing.T) {
	e, _ := New(Options{Now: ticking()})
	rec := do(t, e, "POST", "/v1/customers", testKey, "source=tok_visa", nil)
	var cus struct {
		ID            string
		DefaultSource string `json:"default_source"`
	}
	json.Unmarshal(rec.Body.Bytes(), &cus)
	bank := do(t, e, "POST", "/v1/tokens", testKey, "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789", nil)
	var btok struct{ ID string }
	json.Unmarshal(bank.Body.Bytes(), &btok)
	rec = do(t, e, "POST", "/v1/customers", testKey, "source="+btok.ID, nil)
	var bcus struct {
		ID            string
		DefaultSource string `json:"default_source"`
	}
	json.Unmarshal(rec.Body.Bytes(), &bcus)
	empty := newCustomers(t, e, 1)[0]

	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/v1/customers/" + cus.ID + "/sources", []string{cus.DefaultSource}},
		{"/v1/customers/" + cus.ID + "/sources?object=card", []string{cus.DefaultSource}},
		{"/v1/customers/" + cus.ID + "/sources?object=bank_account", nil},
		{"/v1/customers/" + cus.ID + "/cards", []string{cus.DefaultSource}},
		{"/v1/customers/" + cus.ID + "/bank_accounts", nil},
		{"/v1/customers/" + bcus.ID + "/sources", []string{bcus.DefaultSource}},
		{"/v1/customers/" + bcus.ID + "/bank_accounts", []string{bcus.DefaultSource}},
		{"/v1/customers/" + bcus.ID + "/cards", nil},
		{"/v1/customers/" + empty + "/sources", nil},
		{"/v1/customers/" + cus.ID + "/sources?starting_after=" + cus.DefaultSource, nil},
	} {
		l, rec := getList(t, e, tc.path)
		wantURL, _, _ := strings.Cut(tc.path, "?")
		if rec.Code != 200 || l.URL != wantURL || !slices.Equal(listIDs(t, l), tc.want) || l.HasMore {
			t.Errorf("%s: %d %s %v, want %v (%s)", tc.path, rec.Code, l.URL, listIDs(t, l), tc.want, rec.Body)
		}
	}
	for _, tc := range []struct {
		path   string
		status int
		object string
	}{
		{"/v1/customers/" + cus.ID + "/sources/" + cus.DefaultSource, 200, "card"},
		{"/v1/customers/" + cus.ID + "/cards/" + cus.DefaultSource, 200, "card"},
		{"/v1/customers/" + bcus.ID + "/sources/" + bcus.DefaultSource, 200, "bank_account"},
		{"/v1/customers/" + bcus.ID + "/bank_accounts/" + bcus.DefaultSource, 200, "bank_account"},
		{"/v1/customers/" + bcus.ID + "/sources/" + cus.DefaultSource, 404, ""},
		{"/v1/customers/cus_nope/sources/" + cus.DefaultSource, 404, ""},
		{"/v1/customers/cus_nope/sources", 404, ""},
	} {
		rec := do(t, e, "GET", tc.path, testKey, "", nil)
		var o struct{ Object string }
		json.Unmarshal(rec.Body.Bytes(), &o)
		if rec.Code != tc.status || (tc.status == 200 && o.Object != tc.object) {
			t.Errorf("%s: %d %s", tc.path, rec.Code, rec.Body)
		}
	}
}

// stripe-go's auto-pagination walks every page, forward and backward, and
// its typed list calls reach every list the emulator has.
func TestStripeGoLists(t *testing.T) {
	e, err := New(Options{Now: ticking()})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(newSpecServer(t, e), testKey)
	var want []string
	for i := range 23 {
		cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.String(fmt.Sprintf("c%d@example.com", i))})
		if err != nil {
			t.Fatal(err)
		}
		want = append([]string{cus.ID}, want...)
	}
	p := &stripe.CustomerListParams{}
	p.Limit = stripe.Int64(5)
	var got []string
	for cus, err := range c.V1Customers.List(ctx, p).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, cus.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("All() walked %v, want %v", got, want)
	}

	back := &stripe.CustomerListParams{}
	back.Limit = stripe.Int64(4)
	back.EndingBefore = stripe.String(want[len(want)-1])
	got = nil
	for cus, err := range c.V1Customers.List(ctx, back).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, cus.ID)
	}
	rev := slices.Clone(want[:len(want)-1])
	slices.Reverse(rev)
	if !slices.Equal(got, rev) {
		t.Errorf("All() backward walked %v, want %v", got, rev)
	}

	byEmail := &stripe.CustomerListParams{Email: stripe.String("c7@example.com")}
	n := 0
	for cus, err := range c.V1Customers.List(ctx, byEmail).All(ctx) {
		if err != nil || cus.Email != "c7@example.com" {
			t.Fatalf("%+v %v", cus, err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d customers with c7@example.com", n)
	}

	cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String("tok_visa")})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := c.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(500), Currency: stripe.String("usd"), Customer: stripe.String(cus.ID)}); err != nil {
			t.Fatal(err)
		}
	}
	c.V1Charges.Create(ctx, chargeWith("tok_visa"))
	cp := &stripe.ChargeListParams{Customer: stripe.String(cus.ID)}
	cp.Limit = stripe.Int64(2)
	n = 0
	for ch, err := range c.V1Charges.List(ctx, cp).All(ctx) {
		if err != nil || ch.Customer == nil || ch.Customer.ID != cus.ID {
			t.Fatalf("%+v %v", ch, err)
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d charges of %s, want 3", n, cus.ID)
	}

	cards := c.V1Cards.List(ctx, &stripe.CardListParams{Customer: stripe.String(cus.ID)})
	n = 0
	for card, err := range cards.All(ctx) {
		if err != nil || card.ID != cus.DefaultSource.ID {
			t.Fatalf("%+v %v", card, err)
		}
		n++
	}
	sources := c.V1PaymentSources.List(ctx, &stripe.PaymentSourceListParams{Customer: stripe.String(cus.ID)})
	for src, err := range sources.All(ctx) {
		if err != nil || src.ID != cus.DefaultSource.ID || src.Card == nil {
			t.Fatalf("%+v %v", src, err)
		}
		n++
	}
	if n != 2 {
		t.Errorf("%d cards and sources, want 1 each", n)
	}
	card, err := c.V1Cards.Retrieve(ctx, cus.DefaultSource.ID, &stripe.CardRetrieveParams{Customer: stripe.String(cus.ID)})
	if err != nil || card.Last4 != "4242" {
		t.Errorf("retrieve card: %+v %v", card, err)
	}
}
