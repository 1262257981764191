package emulator

import (
	"strings"
	"sync"
)

// A Stripe route with a fixed segment where an endpoint of the
// emulator's takes an id (GET /v1/customers/search against GET
// /v1/customers/{}) is a route of its own at Stripe: a request for it
// is not one for an object named "search". shadows holds, for each
// endpoint, Stripe's routes (stripe_routes.txt, their segments after
// /v1/) that so take precedence over it; a request one of them matches
// is not the endpoint's, and when the emulator serves no other route for
// it, it is answered with the named 404 of a Stripe route the emulator
// does not serve (stripeRoute). It is worked out on the first request,
// not at start: every command of the binary links the emulator, and most
// never serve a request.
var shadows = sync.OnceValue(func() [][][]string { return shadowsOf(endpoints, stripeRoutes) })

// shadowsOf is shadows for eps against routes (stripe_routes.txt's
// lines). Each path is split once, outside the loop over the routes.
func shadowsOf(eps []endpoint, routes string) [][][]string {
	pats := make([][]string, len(eps))
	for i, ep := range eps {
		pats[i] = strings.Split(ep.path, "/")
	}
	out := make([][][]string, len(eps))
	for line := range strings.Lines(routes) {
		method, path, _ := strings.Cut(strings.TrimSpace(line), " ")
		rest, ok := strings.CutPrefix(path, "/v1/")
		if !ok {
			continue
		}
		route := strings.Split(rest, "/")
		for i, ep := range eps {
			if ep.method == method && shadowedBy(pats[i], route) {
				out[i] = append(out[i], route)
			}
		}
	}
	return out
}

// shadowedBy reports whether route (Stripe's, "{param}" for an id) has a
// fixed segment where pattern (the emulator's, "{}" for an id) has an
// id, and agrees with it everywhere else a request could match both.
func shadowedBy(pattern, route []string) bool {
	if len(pattern) != len(route) {
		return false
	}
	fixedForID := false
	for i, p := range pattern {
		param := strings.HasPrefix(route[i], "{")
		switch {
		case p == "{}" && !param:
			fixedForID = true
		case p != "{}" && !param && p != route[i]:
			return false
		}
	}
	return fixedForID
}

// shadowed reports whether a request for segs (after /v1/), which
// endpoints[i] matches, is for one of Stripe's routes that take
// precedence over it.
func shadowed(i int, segs []string) bool {
	for _, route := range shadows()[i] {
		if routeMatches(route, segs) {
			return true
		}
	}
	return false
}
