package emulator

import (
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// stripe_params.txt is, for every endpoint the emulator serves, every
// request parameter Stripe's spec documents for it (UPDATE_GOLDEN=1
// rewrites it from the spec stripe-mock embeds), so the file cannot go
// stale as the spec or the routes change.
func TestStripeParamsAreTheSpecs(t *testing.T) {
	if err := loadSpec(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, ep := range endpoints {
		path := "/v1/" + strings.ReplaceAll(ep.path, "{}", "x_1")
		route, _, err := spec.router.FindRoute(httptest.NewRequest(ep.method, "https://api.stripe.com"+path, nil))
		if err != nil {
			t.Fatalf("%s %s: %v", ep.method, path, err)
		}
		for name, s := range requestParams(route.Operation) {
			for _, p := range paramPaths(name, s, 0) {
				lines = append(lines, ep.method+" "+ep.path+" "+p+"\n")
			}
		}
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	want := strings.Join(lines, "")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile("stripe_params.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if stripeParams != want {
		t.Errorf("stripe_params.txt differs from the spec's %d parameters (UPDATE_GOLDEN=1 rewrites it)", len(lines))
	}
}

// paramPaths are the form keys under a parameter of schema s: itself, an
// object's properties, a map's values ([*]) and an array's items ([#]),
// through anyOf's alternatives.
func paramPaths(name string, s *openapi3.Schema, depth int) []string {
	out := []string{name}
	if depth > 8 {
		return out
	}
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		for _, alt := range append(s.AnyOf, s.OneOf...) {
			walk(alt.Value)
		}
		for k, p := range s.Properties {
			out = append(out, paramPaths(name+"["+k+"]", p.Value, depth+1)...)
		}
		switch {
		case s.Type.Is("array") && s.Items != nil:
			out = append(out, paramPaths(name+"[#]", s.Items.Value, depth+1)...)
		case s.AdditionalProperties.Schema != nil:
			out = append(out, paramPaths(name+"[*]", s.AdditionalProperties.Schema.Value, depth+1)...)
		case s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has:
			out = append(out, name+"[*]")
		}
	}
	walk(s)
	return out
}
