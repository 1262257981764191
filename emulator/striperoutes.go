package emulator

import (
	_ "embed"
	"net/http"
	"strings"
)

// stripeRoutes are the routes of Stripe's API (its OpenAPI spec, one
// "METHOD /v1/path/{param}" a line; striperoutes_test.go keeps the file
// in step with the spec the tests validate against): a request the
// emulator does not serve but Stripe does is told so, rather than that
// its URL is wrong.
//
//go:embed stripe_routes.txt
var stripeRoutes string

// stripeRoute is the route of Stripe's that serves r ("" for none), as
// Stripe's reference names it: "POST /v1/customers/{customer}". The
// routes are sorted, and "{" sorts after the letters a route is spelt
// in, so a fixed segment (customers/search) is tried before an id.
func stripeRoute(r *http.Request) string {
	got := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	for line := range strings.Lines(stripeRoutes) {
		method, path, _ := strings.Cut(strings.TrimSpace(line), " ")
		if method == r.Method && routeMatches(strings.Split(strings.Trim(path, "/"), "/"), got) {
			return method + " " + path
		}
	}
	return ""
}

// routeMatches reports whether the segments of a path match those of a
// route, where "{param}" matches any one segment.
func routeMatches(route, path []string) bool {
	if len(route) != len(path) {
		return false
	}
	for i, seg := range route {
		if path[i] == "" || !strings.HasPrefix(seg, "{") && seg != path[i] {
			return false
		}
	}
	return true
}
