package emulator

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// searchResult is a search_result as Stripe sends it.
type searchResult struct {
	Object     string            `json:"object"`
	Data       []json.RawMessage `json:"data"`
	HasMore    bool              `json:"has_more"`
	NextPage   *string           `json:"next_page"`
	TotalCount *int              `json:"total_count"`
	URL        string            `json:"url"`
}

// searchFor runs query on a search endpoint ("customers") with extra
// parameters, wanting a 200.
func searchFor(t *testing.T, e *Emulator, resource, query, extra string) searchResult {
	t.Helper()
	rec := do(t, e, "GET", "/v1/"+resource+"/search?query="+url.QueryEscape(query)+extra, testKey, "", nil)
	var r searchResult
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &r) != nil {
		t.Fatalf("search %s %q: %d %s", resource, query, rec.Code, rec.Body)
	}
	if r.Object != "search_result" || r.URL != "/v1/"+resource+"/search" {
		t.Fatalf("search %s %q: object %q url %q", resource, query, r.Object, r.URL)
	}
	return r
}

func resultIDs(r searchResult) []string {
	var ids []string
	for _, raw := range r.Data {
		var o struct{ ID string }
		json.Unmarshal(raw, &o)
		ids = append(ids, o.ID)
	}
	return ids
}

// made posts to path and returns the new object's id.
func made(t *testing.T, e *Emulator, path, body string) string {
	t.Helper()
	rec := do(t, e, "POST", path, testKey, body, nil)
	var o struct{ ID string }
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &o) != nil {
		t.Fatalf("POST %s %s: %d %s", path, body, rec.Code, rec.Body)
	}
	return o.ID
}

// Customers are found by email, name and phone (exactly, in any case, or
// by a substring), metadata, created and null, negated, joined by AND or
// OR; newest first; a deleted customer is not found.
func TestSearchCustomers(t *testing.T) {
	now := ticking()
	e, _ := New(Options{Now: now})
	amy := made(t, e, "/v1/customers", "email=amy@example.com&name=Amy+Rocket&phone=%2B15555550100&metadata[user]=42")
	bob := made(t, e, "/v1/customers", "email=bob@example.com&name=Bob")
	carol := made(t, e, "/v1/customers", "name=Carol&metadata[user]=7")
	gone := made(t, e, "/v1/customers", "email=amy@example.com&name=Amy+Rocket")
	do(t, e, "DELETE", "/v1/customers/"+gone, testKey, "", nil)
	var bobCreated struct{ Created int64 }
	json.Unmarshal(do(t, e, "GET", "/v1/customers/"+bob, testKey, "", nil).Body.Bytes(), &bobCreated)
	names := map[string]string{amy: "amy", bob: "bob", carol: "carol", gone: "gone"}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{`email:"amy@example.com"`, []string{"amy"}},
		{`email:"AMY@Example.com"`, []string{"amy"}},
		{`email:"amy"`, nil},
		{`email~"example"`, []string{"bob", "amy"}},
		{`name~"ROCK"`, []string{"amy"}},
		{`phone:"+15555550100"`, []string{"amy"}},
		{`metadata["user"]:"42"`, []string{"amy"}},
		{`metadata["user"]:42`, []string{"amy"}},
		{`-metadata["user"]:null`, []string{"carol", "amy"}},
		{`email:null`, []string{"carol"}},
		{`-email:"amy@example.com"`, []string{"carol", "bob"}},
		{`email:"bob@example.com" OR metadata["user"]:"7"`, []string{"carol", "bob"}},
		{`email~"example" AND name~"bob"`, []string{"bob"}},
		{`email~"example" name~"bob"`, []string{"bob"}},
		{`created>=` + strconv.FormatInt(bobCreated.Created, 10), []string{"carol", "bob"}},
		{`created<` + strconv.FormatInt(bobCreated.Created, 10), []string{"amy"}},
		{`created:` + strconv.FormatInt(bobCreated.Created, 10), []string{"bob"}},
	} {
		var got []string
		for _, id := range resultIDs(searchFor(t, e, "customers", tc.query, "")) {
			got = append(got, names[id])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.want)
		}
	}
}

// A search pages by next_page, newest first, as stripe-go's iterators
// walk it; total_count is there only expanded; a cursor from elsewhere is
// refused.
func TestSearchPages(t *testing.T) {
	e, _ := New(Options{Now: ticking()})
	var want []string
	for i := range 5 {
		want = append([]string{made(t, e, "/v1/customers", "metadata[batch]=a&name=N"+strconv.Itoa(i))}, want...)
	}
	made(t, e, "/v1/customers", "metadata[batch]=b")
	var got []string
	var sizes []int
	extra := "&limit=2&expand[]=total_count"
	for {
		r := searchFor(t, e, "customers", `metadata["batch"]:"a"`, extra)
		if r.TotalCount == nil || *r.TotalCount != 5 {
			t.Fatalf("total_count %v, want 5", r.TotalCount)
		}
		got = append(got, resultIDs(r)...)
		sizes = append(sizes, len(r.Data))
		if !r.HasMore {
			if r.NextPage != nil {
				t.Errorf("the last page has a next_page %q", *r.NextPage)
			}
			break
		}
		if r.NextPage == nil || len(sizes) > 5 {
			t.Fatalf("has_more without a next_page, or no end: %+v", r)
		}
		extra = "&limit=2&expand[]=total_count&page=" + url.QueryEscape(*r.NextPage)
	}
	if !slices.Equal(got, want) || !slices.Equal(sizes, []int{2, 2, 1}) {
		t.Errorf("pages %v of %v, want %v", sizes, got, want)
	}
	if r := searchFor(t, e, "customers", `metadata["batch"]:"a"`, ""); r.TotalCount != nil || len(r.Data) != 5 {
		t.Errorf("unexpanded: total_count %v, %d found", r.TotalCount, len(r.Data))
	}

	ch := made(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa")
	for _, page := range []string{"nope!", b64(ch), b64("cus_nope")} {
		rec := do(t, e, "GET", "/v1/customers/search?query=name:null&page="+url.QueryEscape(page), testKey, "", nil)
		if got := errorBody(t, rec); rec.Code != 400 || got.Param != "page" || got.Message != page+" is an invalid page." {
			t.Errorf("page %q: %d %+v", page, rec.Code, got)
		}
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// Charges are found by amount, currency, customer, status, refunded,
// disputed, metadata and their card; expand[] works in the results as in
// a list.
func TestSearchCharges(t *testing.T) {
	e, _ := New(Options{Now: ticking()})
	cus := made(t, e, "/v1/customers", "source=tok_visa")
	visa := made(t, e, "/v1/charges", "amount=1000&currency=usd&customer="+cus+"&metadata[order]=1")
	made(t, e, "/v1/refunds", "charge="+visa)
	master := made(t, e, "/v1/charges", "amount=2500&currency=eur&source=tok_mastercard&metadata[order]=2")
	declined := do(t, e, "POST", "/v1/charges", testKey, "amount=3000&currency=usd&source=tok_chargeDeclined", nil)
	var failed struct{ Error struct{ Charge string } }
	json.Unmarshal(declined.Body.Bytes(), &failed)
	dtok := made(t, e, "/v1/tokens", "card[number]=4000000000000259&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123")
	disputed := made(t, e, "/v1/charges", "amount=4000&currency=usd&source="+dtok)
	names := map[string]string{visa: "visa", master: "master", failed.Error.Charge: "failed", disputed: "disputed"}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{`amount>1000`, []string{"disputed", "failed", "master"}},
		{`amount>=1000 AND amount<3000`, []string{"master", "visa"}},
		{`currency:"eur"`, []string{"master"}},
		{`currency:"USD" -status:"failed"`, []string{"disputed", "visa"}},
		{`customer:"` + cus + `"`, []string{"visa"}},
		{`status:"failed"`, []string{"failed"}},
		{`refunded:true`, []string{"visa"}},
		{`disputed:"true"`, []string{"disputed"}},
		{`metadata["order"]:"2" OR refunded:true`, []string{"master", "visa"}},
		{`payment_method_details.card.last4:4242`, []string{"visa"}},
		{`payment_method_details.card.brand:"mastercard"`, []string{"master"}},
		{`payment_method_details.card.exp_year:2031 payment_method_details.card.exp_month:12`, []string{"disputed"}},
		{`billing_details.address.postal_code:null amount:2500`, []string{"master"}},
	} {
		var got []string
		for _, id := range resultIDs(searchFor(t, e, "charges", tc.query, "")) {
			got = append(got, names[id])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.want)
		}
	}
	r := searchFor(t, e, "charges", `customer:"`+cus+`"`, "&expand[]=data.customer")
	var expanded struct{ Customer struct{ ID, Object string } }
	if json.Unmarshal(r.Data[0], &expanded); expanded.Customer.Object != "customer" || expanded.Customer.ID != cus {
		t.Errorf("data.customer not expanded: %s", r.Data[0])
	}
}

// PaymentIntents are found by amount, currency, customer, status and
// metadata.
func TestSearchPaymentIntents(t *testing.T) {
	e, _ := New(Options{Now: ticking()})
	cus := made(t, e, "/v1/customers", "")
	open := made(t, e, "/v1/payment_intents", "amount=1000&currency=usd&payment_method_types[]=card&customer="+cus+"&metadata[cart]=c1")
	paid := made(t, e, "/v1/payment_intents", "amount=2000&currency=eur&payment_method_types[]=card&payment_method=pm_card_visa&confirm=true")
	names := map[string]string{open: "open", paid: "paid"}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{`status:"succeeded"`, []string{"paid"}},
		{`status:"requires_payment_method"`, []string{"open"}},
		{`amount<=1000`, []string{"open"}},
		{`-currency:"usd"`, []string{"paid"}},
		{`customer:"` + cus + `"`, []string{"open"}},
		{`metadata["cart"]:"c1"`, []string{"open"}},
		{`customer:null`, []string{"paid"}},
	} {
		var got []string
		for _, id := range resultIDs(searchFor(t, e, "payment_intents", tc.query, "")) {
			got = append(got, names[id])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.want)
		}
	}
}

// What Stripe would not run is refused, naming the query: a field the
// resource is not searched by (in Stripe's words), an operator or value
// its field does not take, a bad limit or expansion.
func TestSearchRefuses(t *testing.T) {
	e, _ := New(Options{Now: clock})
	const parse = "We were unable to parse your search query. "
	for _, tc := range []struct {
		resource, query, extra, param, want string
	}{
		{"customers", "", "", "query", "Missing required param: query."},
		{"customers", `foo:"bar"`, "", "query", "Field `foo` is an unsupported search field for resource `customers`. See http://stripe.com/docs/search#query-fields-for-customers for a list of supported fields."},
		{"charges", `email:"a@example.com"`, "", "query", "Field `email` is an unsupported search field for resource `charges`. See http://stripe.com/docs/search#query-fields-for-charges for a list of supported fields."},
		{"payment_intents", `refunded:true`, "", "query", "Field `refunded` is an unsupported search field for resource `payment_intents`. See http://stripe.com/docs/search#query-fields-for-paymentintents for a list of supported fields."},
		{"customers", `metadata:"x"`, "", "query", parse + strings.TrimSpace(queryFormatHint)},
		{"charges", `currency~"usd"`, "", "query", parse + "Field `currency` takes no substring match (~): only string fields (none here) do."},
		{"customers", `created~"123"`, "", "query", parse + "Field `created` takes no substring match (~): only email, name, phone do."},
		{"customers", `name~"am"`, "", "query", parse + "A substring match (~) needs at least 3 characters."},
		{"customers", `email>"a"`, "", "query", parse + "Field `email` is not numeric: > compares numbers only."},
		{"charges", `amount:"ten"`, "", "query", parse + "Field `amount` is numeric: its value is a number."},
		{"charges", `refunded:"yes"`, "", "query", parse + "Field `refunded` is true or false."},
		{"charges", `amount>null`, "", "query", parse + "null is matched with \":\" only (amount:null)."},
		{"customers", `name:null`, "&limit=0", "limit", "This value must be greater than or equal to 1."},
		{"customers", `name:null`, "&limit=101", "limit", "This value must be less than or equal to 100."},
		{"customers", `name:null`, "&expand[]=total_count.x", "", "This property cannot be expanded (total_count)."},
		{"customers", `name:null`, "&expand[]=has_more", "", "This property cannot be expanded (has_more)."},
		{"customers", `name:null`, "&starting_after=cus_1", "starting_after", "Received unknown parameter: starting_after"},
	} {
		rec := do(t, e, "GET", "/v1/"+tc.resource+"/search?query="+url.QueryEscape(tc.query)+tc.extra, testKey, "", nil)
		if got := errorBody(t, rec); rec.Code != 400 || got.Param != tc.param || got.Message != tc.want || got.Type != "invalid_request_error" {
			t.Errorf("%s %q%s: %d %+v, want param %q %q", tc.resource, tc.query, tc.extra, rec.Code, got, tc.param, tc.want)
		}
	}
}

// stripe-go's search iterators walk every page of a search, and its error
// is Stripe's.
func TestSearchWithStripeGo(t *testing.T) {
	e, _ := New(Options{Now: ticking()})
	sc := newClient(newSpecServer(t, e), testKey)
	var want []string
	for i := range 7 {
		cus, err := sc.V1Customers.Create(ctx, &stripe.CustomerCreateParams{
			Email: stripe.String("ci+" + strconv.Itoa(i) + "@example.com"), Metadata: map[string]string{"run": "r1"}, Source: stripe.String("tok_visa")})
		if err != nil {
			t.Fatal(err)
		}
		want = append([]string{cus.ID}, want...)
		if _, err := sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(int64(1000 + i)), Currency: stripe.String("usd"),
			Customer: stripe.String(cus.ID)}); err != nil {
			t.Fatal(err)
		}
	}
	other, _ := sc.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.String("other@example.com")})
	var got []string
	params := &stripe.CustomerSearchParams{SearchParams: stripe.SearchParams{Query: `metadata["run"]:"r1" AND email~"example.com"`, Limit: stripe.Int64(3)}}
	for cus, err := range sc.V1Customers.Search(ctx, params).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, cus.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("customers %v, want %v", got, want)
	}

	n := 0
	for ch, err := range sc.V1Charges.Search(ctx, &stripe.ChargeSearchParams{SearchParams: stripe.SearchParams{Query: `amount>=1004 status:"succeeded"`, Limit: stripe.Int64(2)}}).All(ctx) {
		if err != nil || ch.Amount < 1004 {
			t.Fatalf("%v %+v", err, ch)
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d charges of 1004 or more, want 3", n)
	}

	pi, err := sc.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(500), Currency: stripe.String("usd"),
		Customer: stripe.String(other.ID), PaymentMethodTypes: []*string{stripe.String("card")}})
	if err != nil {
		t.Fatal(err)
	}
	pis := sc.V1PaymentIntents.Search(ctx, &stripe.PaymentIntentSearchParams{SearchParams: stripe.SearchParams{Query: `customer:"` + other.ID + `"`}})
	for found, err := range pis.All(ctx) {
		if err != nil || found.ID != pi.ID {
			t.Errorf("found %v, %v; want %s", found, err, pi.ID)
		}
	}

	for _, err := range sc.V1Customers.Search(ctx, &stripe.CustomerSearchParams{SearchParams: stripe.SearchParams{Query: `nickname:"x"`}}).All(ctx) {
		se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "")
		if !strings.HasPrefix(se.Msg, "Field `nickname` is an unsupported search field for resource `customers`.") {
			t.Errorf("message %q", se.Msg)
		}
	}
}
