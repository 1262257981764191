package emulator

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/stripe/stripe-mock/embedded"
)

// Every response the emulator gives in these tests is checked against
// Stripe's OpenAPI spec, the one stripe-mock's module ships (a tool
// dependency, so only tests use it: the production binary never embeds the
// spec), with kin-openapi's response validator: the route's schema for its
// status, the error schema for the default response.

// specPaths are the spec's paths the emulator answers; only their schemas
// (and what those reference) are loaded, a fifth of the spec, which keeps
// loading it to a second.
var specPaths = []string{
	"/v1/tokens", "/v1/tokens/{token}",
	"/v1/customers", "/v1/customers/{customer}",
	"/v1/customers/{customer}/sources", "/v1/customers/{customer}/sources/{id}",
	"/v1/customers/{customer}/cards", "/v1/customers/{customer}/cards/{id}",
	"/v1/customers/{customer}/bank_accounts", "/v1/customers/{customer}/bank_accounts/{id}",
	"/v1/charges", "/v1/charges/{charge}", "/v1/charges/{charge}/capture",
	"/v1/balance", "/v1/balance_transactions", "/v1/balance_transactions/{id}",
	"/v1/payment_methods", "/v1/payment_methods/{payment_method}",
	"/v1/payment_methods/{payment_method}/attach", "/v1/payment_methods/{payment_method}/detach",
	"/v1/customers/{customer}/payment_methods", "/v1/customers/{customer}/payment_methods/{payment_method}",
	"/v1/payment_intents", "/v1/payment_intents/{intent}", "/v1/payment_intents/{intent}/confirm",
	"/v1/payment_intents/{intent}/capture", "/v1/payment_intents/{intent}/cancel",
	"/v1/setup_intents", "/v1/setup_intents/{intent}", "/v1/setup_intents/{intent}/confirm", "/v1/setup_intents/{intent}/cancel",
	"/v1/refunds", "/v1/refunds/{refund}",
	"/v1/disputes", "/v1/disputes/{dispute}", "/v1/disputes/{dispute}/close",
	"/v1/customers/{customer}/sources/{id}/verify",
	"/v1/accounts", "/v1/accounts/{account}", "/v1/accounts/{account}/persons", "/v1/accounts/{account}/persons/{person}",
	"/v1/events", "/v1/events/{id}",
	"/v1/webhook_endpoints", "/v1/webhook_endpoints/{webhook_endpoint}",
	"/v1/customers/search", "/v1/charges/search", "/v1/payment_intents/search",
}

var spec struct {
	once   sync.Once
	err    error
	doc    *openapi3.T
	router routers.Router
	error  *openapi3.Schema // the error body, for routes the spec lacks
}

func loadSpec() error {
	spec.once.Do(func() {
		var full map[string]any
		if spec.err = json.Unmarshal(embedded.OpenAPISpec, &full); spec.err != nil {
			return
		}
		small, err := pruneSpec(full)
		if err != nil {
			spec.err = err
			return
		}
		doc := &openapi3.T{}
		if spec.err = json.Unmarshal(small, doc); spec.err != nil {
			return
		}
		if spec.err = openapi3.NewLoader().ResolveRefsIn(doc, nil); spec.err != nil {
			return
		}
		for _, s := range doc.Components.Schemas {
			closeObjects(s.Value, map[*openapi3.Schema]bool{})
		}
		spec.doc, spec.error = doc, doc.Components.Schemas["error"].Value
		spec.router, spec.err = gorillamux.NewRouter(doc)
	})
	return spec.err
}

// pruneSpec keeps specPaths and the schemas they reach. It also gives the
// charge its source: Stripe still sends that legacy field (and stripe-go
// decodes it) but the public spec no longer lists it.
func pruneSpec(full map[string]any) ([]byte, error) {
	paths, _ := full["paths"].(map[string]any)
	comps, _ := full["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	charge, _ := schemas["charge"].(map[string]any)
	props, _ := charge["properties"].(map[string]any)
	if paths == nil || props == nil {
		return nil, fmt.Errorf("the spec has no paths or no charge schema")
	}
	props["source"] = map[string]any{"nullable": true, "anyOf": []any{map[string]any{"$ref": "#/components/schemas/payment_source"}}}

	keep := map[string]any{}
	for _, p := range specPaths {
		if paths[p] == nil {
			return nil, fmt.Errorf("the spec has no path %s", p)
		}
		keep[p] = paths[p]
	}
	used := map[string]any{"error": schemas["error"]}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				name := strings.TrimPrefix(ref, "#/components/schemas/")
				if _, seen := used[name]; !seen {
					used[name] = schemas[name]
					walk(schemas[name])
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(keep)
	walk(used["error"])
	full["paths"] = keep
	full["components"] = map[string]any{"schemas": used}
	return json.Marshal(full)
}

// closeObjects makes every object schema with listed properties refuse other
// properties. Stripe's spec leaves them open (OpenAPI's default), which would
// let a misspelt field, or a card number, through; maps such as metadata
// declare their additionalProperties and stay open.
func closeObjects(s *openapi3.Schema, seen map[*openapi3.Schema]bool) {
	if s == nil || seen[s] {
		return
	}
	seen[s] = true
	if len(s.Properties) > 0 && s.AdditionalProperties.Has == nil && s.AdditionalProperties.Schema == nil {
		closed := false
		s.AdditionalProperties.Has = &closed
	}
	for _, p := range s.Properties {
		closeObjects(p.Value, seen)
	}
	for _, group := range [][]*openapi3.SchemaRef{s.AnyOf, s.OneOf, s.AllOf} {
		for _, r := range group {
			closeObjects(r.Value, seen)
		}
	}
	if s.Items != nil {
		closeObjects(s.Items.Value, seen)
	}
}

// specError is what is wrong with a response to r by Stripe's spec, nil
// when nothing is.
func specError(r *http.Request, status int, header http.Header, body []byte) error {
	if err := loadSpec(); err != nil {
		return fmt.Errorf("load Stripe's OpenAPI spec: %w", err)
	}
	u := &url.URL{Scheme: "https", Host: "api.stripe.com", Path: r.URL.Path, RawQuery: r.URL.RawQuery}
	req, err := http.NewRequest(r.Method, u.String(), nil)
	if err != nil {
		return err
	}
	opts := &openapi3filter.Options{
		IncludeResponseStatus:   true,
		MultiError:              true,
		SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.DisableSchemaErrorDetails()},
	}
	route, params, err := spec.router.FindRoute(req)
	if err != nil {
		// A route Stripe does not have: the answer must be Stripe's error.
		if status < 400 {
			return fmt.Errorf("%s %s is not in the spec, yet answered %d", r.Method, r.URL.Path, status)
		}
		var doc any
		if err := json.Unmarshal(body, &doc); err != nil {
			return err
		}
		return spec.error.VisitJSON(doc, openapi3.MultiErrors(), openapi3.DisableSchemaErrorDetails())
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts},
		Status:                 status,
		Header:                 header,
		Options:                opts,
	}
	in.SetBodyBytes(body)
	return openapi3filter.ValidateResponse(context.Background(), in)
}

// checkSpec fails t when the response does not match Stripe's spec.
// Benchmarks are not checked: they measure the emulator, not the validator.
func checkSpec(t testing.TB, r *http.Request, status int, header http.Header, body []byte) {
	t.Helper()
	if _, bench := t.(*testing.B); bench {
		return
	}
	if err := specError(r, status, header, body); err != nil {
		t.Errorf("%s %s answered %d, which does not match Stripe's OpenAPI spec: %v\n%s", r.Method, r.URL, status, err, body)
	}
}

// specChecked serves h and checks each response against the spec.
func specChecked(t testing.TB, h http.Handler) http.Handler {
	if _, bench := t.(*testing.B); bench {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isChallenge(r) { // a page for a browser, not the API
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		checkSpec(t, r, rec.Code, rec.Header(), rec.Body.Bytes())
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	})
}

// TestSpecRejects proves the validation can fail: a token without its
// required "used" field, one with a field Stripe's Token lacks, a body that
// is not Stripe's error on a 404, and a status the route does not have.
func TestSpecRejects(t *testing.T) {
	get := httptest.NewRequest("GET", "/v1/tokens/tok_1", nil)
	for _, bad := range []struct {
		r      *http.Request
		status int
		body   string
	}{
		{get, 200, `{"id":"tok_1","object":"token","created":1,"livemode":false,"type":"card"}`},
		{get, 200, `{"id":"tok_1","object":"token","created":1,"livemode":false,"type":"card","used":false,"number":"4242"}`},
		{get, 404, `{"message":"nope"}`},
		{httptest.NewRequest("GET", "/v1/nothing", nil), 404, `{"error":{"type":"nope","message":"x"}}`},
		{httptest.NewRequest("GET", "/v1/nothing", nil), 200, `{}`},
	} {
		h := http.Header{"Content-Type": {"application/json"}}
		if err := specError(bad.r, bad.status, h, []byte(bad.body)); err == nil {
			t.Errorf("%s %d %s passed", bad.r.URL, bad.status, bad.body)
		}
	}
	ok := `{"id":"tok_1","object":"token","created":1,"livemode":false,"type":"card","used":false}`
	if err := specError(get, 200, http.Header{"Content-Type": {"application/json"}}, []byte(ok)); err != nil {
		t.Errorf("a valid token failed: %v", err)
	}
}
