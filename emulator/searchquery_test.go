package emulator

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// A query is read into Stripe's clauses: fields (dotted, metadata["key"]
// in either quote), the six operators, quoted values with escapes, bare
// numbers, booleans and null, negation, and AND or OR (in any case).
func TestParseSearchQuery(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  []searchClause
		or    bool
	}{
		{`email:"amy@example.com"`, []searchClause{{field: "email", op: ":", value: "amy@example.com"}}, false},
		{`  name~'Rocket'  `, []searchClause{{field: "name", op: "~", value: "Rocket"}}, false},
		{`metadata["order id"]:"42"`, []searchClause{{field: "metadata", key: "order id", op: ":", value: "42"}}, false},
		{`metadata['k']:'v'`, []searchClause{{field: "metadata", key: "k", op: ":", value: "v"}}, false},
		{`description:"the \"Sky\" and \\ the 'Sea'"`, []searchClause{{field: "description", op: ":", value: `the "Sky" and \ the 'Sea'`}}, false},
		{`payment_method_details.card.last4:4242`, []searchClause{{field: "payment_method_details.card.last4", op: ":", value: "4242"}}, false},
		{`amount>=1000 amount<2000`, []searchClause{{field: "amount", op: ">=", value: "1000"}, {field: "amount", op: "<", value: "2000"}}, false},
		{`amount>-1 AND amount<=9.5`, []searchClause{{field: "amount", op: ">", value: "-1"}, {field: "amount", op: "<=", value: "9.5"}}, false},
		{`-currency:"usd" and refunded:true`, []searchClause{{negated: true, field: "currency", op: ":", value: "usd"}, {field: "refunded", op: ":", value: "true"}}, false},
		{`email:NULL Or name:"x" OR phone:"1"`, []searchClause{{field: "email", op: ":", value: "NULL", null: true}, {field: "name", op: ":", value: "x"}, {field: "phone", op: ":", value: "1"}}, true},
		{`order:"1" or:"2"`, []searchClause{{field: "order", op: ":", value: "1"}, {field: "or", op: ":", value: "2"}}, false},
		{"name:\"Zoë\"\temail:\"z@example.com\"", []searchClause{{field: "name", op: ":", value: "Zoë"}, {field: "email", op: ":", value: "z@example.com"}}, false},
	} {
		q, aerr := parseSearchQuery(tc.query)
		if aerr != nil {
			t.Errorf("%s: %v", tc.query, aerr.Message)
			continue
		}
		if !reflect.DeepEqual(q.clauses, tc.want) || q.or != tc.or {
			t.Errorf("%s:\n got %+v or=%v\nwant %+v or=%v", tc.query, q.clauses, q.or, tc.want, tc.or)
		}
	}
}

// A query Stripe could not read is refused with Stripe's first sentence
// and what was wrong.
func TestParseSearchQueryRefuses(t *testing.T) {
	const parse = "We were unable to parse your search query."
	for _, tc := range []struct{ query, want string }{
		{`amy@example.com`, parse + queryFormatHint},
		{`email "amy"`, parse + queryFormatHint},
		{`email=amy`, parse + queryFormatHint},
		{`email:`, parse + queryFormatHint},
		{`-`, parse + queryFormatHint},
		{`AND email:"a"`, parse + queryFormatHint},
		{`email:"a" AND AND name:"b"`, parse + queryFormatHint},
		{`metadata[key]:"v"`, parse + queryFormatHint},
		{`metadata[""]:"v"`, parse + queryFormatHint},
		{`metadata["k":"v"`, parse + queryFormatHint},
		{`name["k"]:"v"`, parse + queryFormatHint},
		{`email:amy`, parse + ` A string value is quoted: email:"value".`},
		{`email:"amy`, parse + " A quoted value is not closed."},
		{`email:"a"name:"b"`, parse + " Clauses are separated by spaces."},
		{`email:"a" AND`, parse + " The query ends with AND, which must join two clauses."},
		{`email:"a" AND name:"b" OR phone:"c"`, parse + " AND and OR cannot both join clauses in one query."},
		{`email:"a" OR name:"b" phone:"c"`, parse + " AND and OR cannot both join clauses in one query."},
		{strings.Repeat(`amount>1 `, 11), parse + " A query takes at most 10 clauses."},
		{`   `, "Missing required param: query."},
	} {
		_, aerr := parseSearchQuery(tc.query)
		if aerr == nil || aerr.Message != tc.want || aerr.HTTPStatus != 400 {
			t.Errorf("%s: %+v, want 400 %q", tc.query, aerr, tc.want)
		}
	}
	if q, aerr := parseSearchQuery(strings.Repeat(`amount>1 `, 10)); aerr != nil || len(q.clauses) != 10 {
		t.Errorf("10 clauses: %v", aerr)
	}
}

// FuzzSearchQuery sends arbitrary queries to every search endpoint: the
// answer is a search result or a 400 naming the query (or the missing
// parameter), never a 5xx; and a query the parser reads has at most 10
// clauses, each with a field and an operator.
func FuzzSearchQuery(f *testing.F) {
	for _, seed := range []string{
		`email:"amy@example.com"`, `name~"amy"`, `metadata["k"]:"v"`, `-metadata['k']:null`,
		`amount>=1000 AND currency:"usd"`, `status:"succeeded" OR refunded:true`, `created<0`,
		`payment_method_details.card.last4:4242`, `email:"\"`, `a:"b" OR`, `"`, `metadata["`, `-`, `~~~`,
	} {
		f.Add(seed)
	}
	e, err := New(Options{Now: clock})
	if err != nil {
		f.Fatal(err)
	}
	do(f, e, "POST", "/v1/customers", testKey, "email=amy@example.com&name=Amy&metadata[k]=v", nil)
	do(f, e, "POST", "/v1/charges", testKey, "amount=1000&currency=usd&source=tok_visa", nil)
	do(f, e, "POST", "/v1/payment_intents", testKey, "amount=1000&currency=usd&payment_method_types[]=card", nil)
	paths := []string{"/v1/customers/search", "/v1/charges/search", "/v1/payment_intents/search"}
	f.Fuzz(func(t *testing.T, query string) {
		if q, aerr := parseSearchQuery(query); aerr == nil {
			if len(q.clauses) == 0 || len(q.clauses) > maxSearchClauses {
				t.Fatalf("%q: %d clauses", query, len(q.clauses))
			}
			for _, cl := range q.clauses {
				if cl.field == "" || cl.op == "" {
					t.Fatalf("%q: clause %+v", query, cl)
				}
			}
		}
		for _, path := range paths {
			rec := do(t, e, "GET", path+"?query="+url.QueryEscape(query), testKey, "", nil)
			switch {
			case rec.Code == 200:
			case rec.Code == 400 && errorBody(t, rec).Param == "query":
			default:
				t.Fatalf("GET %s %q: %d %s", path, query, rec.Code, rec.Body)
			}
		}
	})
}
