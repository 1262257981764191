package model

import (
	"slices"
	"time"
)

// What an event's webhook deliveries (to the emulator's endpoints and to
// tokenscope listen) amount to, as `events --delivery` filters by.
const (
	DeliveryNone      = "none"       // no delivery was made
	DeliveryPending   = "delivering" // one is still being tried, as its state says
	DeliveryDelivered = "delivered"  // every one made it
	DeliveryFailed    = "failed"     // one gave up
)

// DeliveryOutcomes are the outcomes, in the order a user reads them.
var DeliveryOutcomes = []string{DeliveryDelivered, DeliveryFailed, DeliveryPending, DeliveryNone}

// DeliveryOutcome is what deliveries in these states amount to: a failed
// one outweighs one still tried, which outweighs those that made it. A
// state is "delivered", "failed" or, while retried, anything else.
func DeliveryOutcome(states []string) string {
	switch {
	case len(states) == 0:
		return DeliveryNone
	case slices.Contains(states, DeliveryFailed):
		return DeliveryFailed
	case slices.ContainsFunc(states, func(s string) bool { return s != DeliveryDelivered }):
		return DeliveryPending
	}
	return DeliveryDelivered
}

// Delivery is one event's delivery to one of the emulator's webhook
// endpoints or to a tokenscope listen, as its record tells it.
type Delivery struct {
	Event, Endpoint, URL string
	// Listener: the endpoint is a tokenscope listen (its id is listen_
	// and a hash of its --forward-to URL).
	Listener bool
	State    string // delivering, delivered, failed
	Attempts int
	Status   int // the last attempt's (0: no answer)
	Latency  time.Duration
	Error    string
}
