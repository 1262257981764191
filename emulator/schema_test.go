package emulator

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/lestrrat-go/jsval"
	"github.com/stripe/stripe-mock/embedded"
	"github.com/stripe/stripe-mock/spec"
)

// Stripe's OpenAPI spec comes from stripe-mock (a tool dependency), through
// its own OpenAPI-to-JSON-Schema translation and validator, and only in
// tests: the production binary never embeds it.
var (
	schemaOnce sync.Once
	schemaErr  error
	validators = map[string]*jsval.JSVal{}
)

// validate checks an API object against the schema of that name ("token",
// "charge", "customer", "card") in Stripe's OpenAPI spec. A charge's source
// is checked as a card on its own: Stripe still sends that legacy field (and
// stripe-go decodes it) but the public spec no longer lists it.
func validate(t testing.TB, name string, raw []byte) {
	t.Helper()
	schemaOnce.Do(func() {
		var s spec.Spec
		if schemaErr = json.Unmarshal(embedded.OpenAPISpec, &s); schemaErr != nil {
			return
		}
		for _, sc := range s.Components.Schemas {
			closeObjects(sc)
		}
		comps := spec.GetComponentsForValidation(&s.Components)
		for _, n := range []string{"token", "charge", "customer", "card"} {
			v, err := spec.GetValidatorForOpenAPI3Schema(s.Components.Schemas[n], comps)
			if err != nil {
				schemaErr = err
				return
			}
			validators[n] = v
		}
	})
	if schemaErr != nil {
		t.Fatalf("load Stripe's OpenAPI spec: %v", schemaErr)
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	if m, ok := doc.(map[string]any); ok && name == "charge" {
		if src, ok := m["source"]; ok {
			raw, _ := json.Marshal(src)
			validate(t, "card", raw)
			delete(m, "source")
		}
	}
	if err := validators[name].Validate(doc); err != nil {
		t.Errorf("%s does not match Stripe's OpenAPI schema: %v\n%s", name, err, raw)
	}
}

// closeObjects makes every object schema with listed properties refuse other
// properties. Stripe's spec leaves them open (OpenAPI's default), which would
// let a misspelt field, or a card number, through; maps such as metadata
// declare their additionalProperties and stay open.
func closeObjects(sc *spec.Schema) {
	if sc == nil {
		return
	}
	if len(sc.Properties) > 0 && sc.AdditionalProperties == nil {
		sc.AdditionalPropertiesAllowed = false
	}
	for _, p := range sc.Properties {
		closeObjects(p)
	}
	for _, a := range sc.AnyOf {
		closeObjects(a)
	}
	closeObjects(sc.Items)
}

// TestSchemaRejects proves the validator can fail: a token without its
// required "used" field, and one with a field Stripe's Token lacks.
func TestSchemaRejects(t *testing.T) {
	for _, bad := range []string{
		`{"id":"tok_1","object":"token","created":1,"livemode":false,"type":"card"}`,
		`{"id":"tok_1","object":"token","created":1,"livemode":false,"type":"card","used":false,"number":"4242"}`,
	} {
		ft := &fakeT{}
		validate(ft, "token", []byte(bad))
		if !ft.failed {
			t.Errorf("schema accepted %s", bad)
		}
	}
}

type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }
