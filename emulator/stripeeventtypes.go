package emulator

import (
	_ "embed"
	"slices"
	"strings"
)

// stripeEventTypesFile is the enum of a webhook endpoint's
// enabled_events in Stripe's OpenAPI spec, "*" included, one a line and
// sorted (stripeeventtypes_test.go keeps it in step with the spec the
// tests validate against). An endpoint may enable any of them, as at
// Stripe: a CI that sets its endpoints up as in production (invoice,
// checkout events...) is not refused for types the emulator never makes
// (EventTypes); it is simply never sent them.
//
//go:embed stripe_event_types.txt
var stripeEventTypesFile string

var stripeEventTypes = strings.Fields(stripeEventTypesFile)

// stripeEventType: t is "*" or one of Stripe's event types.
func stripeEventType(t string) bool {
	_, ok := slices.BinarySearch(stripeEventTypes, t)
	return ok
}
