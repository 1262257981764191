package emulator

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// Stripe's search endpoints (GET /v1/customers/search, charges,
// payment_intents) for the objects the emulator keeps: a query
// (searchquery.go) over the fields Stripe documents for each, matched
// against the object as its GET renders it, newest first and paged by
// an opaque cursor as Stripe's are. Stripe's index lags its writes
// (under a minute); the emulator's does not, so a search finds what was
// just written.

// searchParams are what every search endpoint takes.
var searchParams = []string{"query", "limit", "page", "expand["}

// queryFieldKind is how a search field matches.
type queryFieldKind int

const (
	fieldToken  queryFieldKind = iota // exactly (":"), in any case
	fieldString                       // exactly, or a substring ("~")
	fieldNumber                       // exactly, or compared (> >= < <=)
	fieldBool                         // true or false
)

// searchResource is what one search endpoint searches.
type searchResource struct {
	name   string // "customers", as its URL and Stripe's messages name it
	anchor string // its fields' section of docs.stripe.com/search
	// fields are its query fields (docs.stripe.com/search), paths into
	// the object as rendered; metadata["key"] is every resource's.
	fields map[string]queryFieldKind
}

var (
	customerSearch = searchResource{name: "customers", anchor: "customers", fields: map[string]queryFieldKind{
		"created": fieldNumber, "email": fieldString, "name": fieldString, "phone": fieldString,
	}}
	chargeSearch = searchResource{name: "charges", anchor: "charges", fields: map[string]queryFieldKind{
		"amount": fieldNumber, "billing_details.address.postal_code": fieldToken, "created": fieldNumber,
		"currency": fieldToken, "customer": fieldToken, "disputed": fieldBool, "refunded": fieldBool, "status": fieldToken,
		"payment_method_details.card.brand": fieldToken, "payment_method_details.card.exp_month": fieldNumber,
		"payment_method_details.card.exp_year": fieldNumber, "payment_method_details.card.fingerprint": fieldToken,
		"payment_method_details.card.last4": fieldToken,
	}}
	paymentIntentSearch = searchResource{name: "payment_intents", anchor: "paymentintents", fields: map[string]queryFieldKind{
		"amount": fieldNumber, "created": fieldNumber, "currency": fieldToken, "customer": fieldToken, "status": fieldToken,
	}}
)

func searchCustomers(c *call) (any, *model.Error) {
	return searchRecords(c, customerSearch, customersColl, "customer",
		func(cus *customerRec) bool { return !cus.Deleted }, renderListedCustomer)
}

func searchCharges(c *call) (any, *model.Error) {
	return searchRecords(c, chargeSearch, chargesColl, "charge",
		func(*chargeRec) bool { return true }, renderListedCharge)
}

func searchPaymentIntents(c *call) (any, *model.Error) {
	return searchRecords(c, paymentIntentSearch, paymentIntentsColl, "payment_intent",
		func(*paymentIntentRec) bool { return true }, renderListedPaymentIntent)
}

// searchJSON is Stripe's search_result; total_count is shown only when
// expanded.
type searchJSON struct {
	Object     string  `json:"object"`
	Data       []any   `json:"data"`
	HasMore    bool    `json:"has_more"`
	NextPage   *string `json:"next_page"`
	TotalCount *int    `json:"total_count,omitempty"`
	URL        string  `json:"url"`
}

// searchRecords answers a search of collection's records that listed
// keeps (a deleted customer is not found), paged as lists are (lister),
// from the object after the one the page cursor names.
func searchRecords[T any](c *call, r searchResource, collection, what string, listed func(*T) bool, render func(*T) any) (any, *model.Error) {
	if c.params.get("query") == "" {
		return nil, missingParam("query")
	}
	q, aerr := parseSearchQuery(c.params.get("query"))
	if aerr == nil {
		aerr = r.check(q)
	}
	if aerr != nil {
		return nil, aerr
	}
	pg, aerr := readPage(c.params)
	if aerr != nil {
		return nil, aerr
	}
	url := "/v1/" + r.name + "/search"
	keep := func(rec *T) bool { return listed(rec) && r.matches(q, newSearchDoc(render(rec))) }
	l := collectionLister(c, collection, url, what, keep, render)
	if cursor := c.params.get("page"); cursor != "" {
		id, err := base64.RawURLEncoding.DecodeString(cursor)
		if err != nil || len(id) == 0 || !l.has(string(id)) {
			return nil, invalidPage(cursor)
		}
		pg.after = string(id)
	}
	list, aerr := l.page(pg)
	if aerr != nil {
		return nil, aerr
	}
	out := &searchJSON{Object: "search_result", Data: list.Data, HasMore: list.HasMore, URL: url}
	if list.HasMore {
		id, _ := newSearchDoc(list.Data[len(list.Data)-1]).value(searchClause{field: "id"}).(string)
		next := base64.RawURLEncoding.EncodeToString([]byte(id))
		out.NextPage = &next
	}
	if expandsTotalCount(c.params) {
		n := 0
		l.walk("", false, func(any) bool { n++; return true })
		out.TotalCount = &n
	}
	return out, nil
}

// invalidPage refuses a page cursor no search of the resource gave, in
// Stripe's words (as a test-mode check quoted them), the cursor cut short.
func invalidPage(cursor string) *model.Error {
	const quote = 100
	if utf8.RuneCountInString(cursor) > quote {
		cursor = string([]rune(cursor)[:quote]) + "..."
	}
	return invalid("", "page", model.MaskSecrets(cursor)+" is an invalid page.")
}

// expandsTotalCount reports whether expand[] asks for total_count.
func expandsTotalCount(p params) bool {
	for k, vs := range p.Values {
		if strings.HasPrefix(k, "expand[") {
			for _, v := range vs {
				if v == "total_count" {
					return true
				}
			}
		}
	}
	return false
}

// searchDoc is an object as its JSON reads: its top-level fields, each
// decoded only as far as a clause asks (a search reads every object).
type searchDoc map[string]json.RawMessage

func newSearchDoc(obj any) searchDoc {
	var doc searchDoc
	if raw, err := json.Marshal(obj); err == nil {
		_ = json.Unmarshal(raw, &doc)
	}
	return doc
}

// value is the value of cl's field (a dotted path, or metadata["key"]),
// numbers as written; nil when absent.
func (d searchDoc) value(cl searchClause) any {
	path := strings.Split(cl.field, ".")
	if cl.key != "" {
		path = []string{"metadata", cl.key}
	}
	raw, ok := d[path[0]]
	for _, name := range path[1:] {
		var m map[string]json.RawMessage
		if !ok || json.Unmarshal(raw, &m) != nil {
			return nil
		}
		raw, ok = m[name]
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if !ok || dec.Decode(&v) != nil {
		return nil
	}
	return v
}

// kind is how field matches: ok is false for a field Stripe does not
// search on this resource.
func (r searchResource) kind(cl searchClause) (queryFieldKind, bool) {
	if cl.key != "" {
		return fieldToken, true
	}
	k, ok := r.fields[cl.field]
	return k, ok
}

// check refuses a clause Stripe would not run: a field it does not
// search, or an operator or value the field's kind does not take. The
// unsupported-field message is Stripe's, as stripe-ruby-mock's tests
// against Stripe quote it; the others are the emulator's.
func (r searchResource) check(q searchQuery) *model.Error {
	for _, cl := range q.clauses {
		kind, ok := r.kind(cl)
		if cl.field == "metadata" && cl.key == "" {
			return queryError("") // metadata["key"]
		}
		if !ok {
			return invalid("", "query", "Field `"+cl.field+"` is an unsupported search field for resource `"+r.name+
				"`. See http://stripe.com/docs/search#query-fields-for-"+r.anchor+" for a list of supported fields.")
		}
		name := "Field `" + cl.field + "`"
		switch {
		case cl.null && cl.op != ":":
			return queryError(" null is matched with \":\" only (" + cl.field + ":null).")
		case cl.null:
		case cl.op == "~" && kind != fieldString:
			return queryError(" " + name + " takes no substring match (~): only " + r.stringFields() + " do.")
		case cl.op == "~" && utf8.RuneCountInString(cl.value) < 3:
			return queryError(" A substring match (~) needs at least 3 characters.")
		case cl.op != ":" && cl.op != "~" && kind != fieldNumber:
			return queryError(" " + name + " is not numeric: " + cl.op + " compares numbers only.")
		case kind == fieldNumber && !isNumber(cl.value):
			return queryError(" " + name + " is numeric: its value is a number.")
		case kind == fieldBool && !strings.EqualFold(cl.value, "true") && !strings.EqualFold(cl.value, "false"):
			return queryError(" " + name + " is true or false.")
		}
	}
	return nil
}

// stringFields names the fields that take "~", for check's message.
func (r searchResource) stringFields() string {
	var names []string
	for f, k := range r.fields {
		if k == fieldString {
			names = append(names, f)
		}
	}
	if len(names) == 0 {
		return "string fields (none here)"
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func isNumber(v string) bool {
	_, err := strconv.ParseFloat(v, 64)
	return err == nil
}

// matches reports whether doc, an object as rendered, holds q (checked).
func (r searchResource) matches(q searchQuery, doc searchDoc) bool {
	for _, cl := range q.clauses {
		kind, _ := r.kind(cl)
		if holds := cl.holds(kind, doc.value(cl)); holds == q.or {
			return holds
		}
	}
	return !q.or
}

func (cl searchClause) holds(kind queryFieldKind, v any) bool {
	var hit bool
	switch {
	case cl.null:
		hit = v == nil || v == ""
	case kind == fieldNumber:
		n, _ := v.(json.Number)
		have, err1 := strconv.ParseFloat(string(n), 64)
		want, err2 := strconv.ParseFloat(cl.value, 64)
		hit = err1 == nil && err2 == nil && compare(have, cl.op, want)
	case kind == fieldBool:
		b, ok := v.(bool)
		hit = ok && b == strings.EqualFold(cl.value, "true")
	default:
		s, ok := v.(string)
		switch {
		case !ok:
		case cl.op == "~":
			hit = strings.Contains(strings.ToLower(s), strings.ToLower(cl.value))
		default:
			hit = strings.EqualFold(s, cl.value)
		}
	}
	return hit != cl.negated
}

func compare(have float64, op string, want float64) bool {
	switch op {
	case ">":
		return have > want
	case ">=":
		return have >= want
	case "<":
		return have < want
	case "<=":
		return have <= want
	}
	return have == want
}
