package emulator

import (
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestAcceptedParamsAreStripes checks every endpoint's allow-list
// against the request parameters Stripe's OpenAPI spec documents for the
// route: an exact entry (company[address][city]) must be one, and a
// prefix entry (metadata[, expand[) may only open a map or an array,
// whose keys are the caller's. A prefix over an object with named fields
// (company[) would accept keys Stripe does not have, and fields the
// emulator drops.
func TestAcceptedParamsAreStripes(t *testing.T) {
	if err := loadSpec(); err != nil {
		t.Fatal(err)
	}
	for _, ep := range endpoints {
		path := "/v1/" + strings.ReplaceAll(ep.path, "{}", "x_1")
		route, _, err := spec.router.FindRoute(httptest.NewRequest(ep.method, "https://api.stripe.com"+path, nil))
		if err != nil {
			t.Errorf("%s %s: %v", ep.method, path, err)
			continue
		}
		top := requestParams(route.Operation)
		for _, p := range ep.params {
			if _, ok := unlistedCardData[p]; ok {
				continue
			}
			if !formKey.MatchString(p) {
				t.Errorf("%s /v1/%s accepts %q, which no form key matches", ep.method, ep.path, p)
			}
			name, prefix := strings.CutSuffix(p, "[")
			segs := strings.Split(strings.ReplaceAll(name, "]", ""), "[")
			s, ok := top[segs[0]]
			if ok {
				s, ok = schemaAt(s, segs[1:])
			}
			switch {
			case !ok:
				t.Errorf("%s /v1/%s accepts %s, which Stripe's spec does not list", ep.method, ep.path, p)
			case prefix && !isMapOrArray(s):
				t.Errorf("%s /v1/%s accepts any %s...]: Stripe's %s has named fields; list the ones the emulator keeps", ep.method, ep.path, p, name)
			}
		}
	}
}

// unlistedCardData are the keys of payment_method_data[card], which
// Stripe's public spec leaves out of a PaymentIntent's parameters
// (card data is for Stripe.js) while the API takes them, as POST
// /v1/payment_methods takes card[...]: stripe-node suites confirm with
// payment_method_data[card][token]=tok_visa.
var unlistedCardData = func() map[string]bool {
	out := map[string]bool{}
	for _, p := range paymentMethodDataParams {
		if strings.HasPrefix(p, "payment_method_data[card]") {
			out[p] = true
		}
	}
	return out
}()

// formKey is an allow-list entry: name[key][key], or a prefix name[.
var formKey = regexp.MustCompile(`^[a-z0-9_]+(\[[a-z0-9_]+\])*\[?$`)

// requestParams are an operation's parameters by name: its form body's
// properties, and its query parameters.
func requestParams(op *openapi3.Operation) map[string]*openapi3.Schema {
	out := map[string]*openapi3.Schema{}
	for _, p := range op.Parameters {
		if p.Value.In == "query" {
			out[p.Value.Name] = p.Value.Schema.Value
		}
	}
	if op.RequestBody != nil {
		if mt := op.RequestBody.Value.Content.Get("application/x-www-form-urlencoded"); mt != nil {
			for k, v := range mt.Schema.Value.Properties {
				out[k] = v.Value
			}
		}
	}
	return out
}

// schemaAt follows segs (the bracketed keys of a form parameter) down s:
// an object's property, a map's value, an array's item ("" or an index),
// through anyOf's alternatives.
func schemaAt(s *openapi3.Schema, segs []string) (*openapi3.Schema, bool) {
	if len(segs) == 0 {
		return s, true
	}
	for _, alt := range append(s.AnyOf, s.OneOf...) {
		if found, ok := schemaAt(alt.Value, segs); ok {
			return found, true
		}
	}
	switch {
	case s.Type.Is("array") && s.Items != nil && strings.Trim(segs[0], "0123456789") == "":
		return schemaAt(s.Items.Value, segs[1:])
	case s.Properties[segs[0]] != nil:
		return schemaAt(s.Properties[segs[0]].Value, segs[1:])
	case s.AdditionalProperties.Schema != nil:
		return schemaAt(s.AdditionalProperties.Schema.Value, segs[1:])
	}
	return nil, false
}

func isMapOrArray(s *openapi3.Schema) bool {
	if s.Type.Is("array") || s.AdditionalProperties.Schema != nil || (s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has) {
		return true
	}
	for _, alt := range append(s.AnyOf, s.OneOf...) {
		if isMapOrArray(alt.Value) {
			return true
		}
	}
	return false
}
