package views

import (
	"encoding/json"
	"fmt"

	"github.com/tokenscope/tokenscope/model"
)

// EventDelivered is an event and its deliveries, as `tokenscope events`
// shows it: Lines for people, JSON for scripts.
type EventDelivered struct {
	Event      model.Event
	Deliveries []Delivered
	Outcome    string // what the deliveries amount to (model.DeliveryOutcome)
}

// EventListLines are the events as a timeline, each followed by its
// deliveries (TimelineLines).
func EventListLines(evs []EventDelivered) []Line {
	plain := make([]model.Event, len(evs))
	byEvent := make(map[string][]Delivered, len(evs))
	for i, e := range evs {
		plain[i] = e.Event
		byEvent[e.Event.ID] = e.Deliveries
	}
	return TimelineLines(plain, byEvent)
}

// EventDeliveredJSON is an event as `events --json` prints it: the event
// as the API returned it, what its deliveries amount to, and each one.
type EventDeliveredJSON struct {
	Event      json.RawMessage `json:"event"`
	Delivery   string          `json:"delivery"`
	Deliveries []DeliveredJSON `json:"deliveries"`
}

// DeliveredJSON is one delivery: where to (an endpoint's id, or listen_…
// for tokenscope listen), its state, and its last attempt.
type DeliveredJSON struct {
	Endpoint  string  `json:"endpoint"`
	URL       string  `json:"url"`
	State     string  `json:"state"`
	Attempts  int     `json:"attempts"`
	Status    int     `json:"status"`
	LatencyMS float64 `json:"latency_ms"`
	Error     string  `json:"error,omitempty"`
}

// EventListJSON is the events for --json, in the order given.
func EventListJSON(evs []EventDelivered) []EventDeliveredJSON {
	out := make([]EventDeliveredJSON, 0, len(evs))
	for _, e := range evs {
		j := EventDeliveredJSON{Event: e.Event.Raw, Delivery: e.Outcome, Deliveries: make([]DeliveredJSON, 0, len(e.Deliveries))}
		for _, d := range e.Deliveries {
			j.Deliveries = append(j.Deliveries, d.JSON())
		}
		out = append(out, j)
	}
	return out
}

// NewDelivered is a delivery as views shows it.
func NewDelivered(d model.Delivery) Delivered {
	return Delivered{Endpoint: d.Endpoint, URL: d.URL, Listener: d.Listener, State: d.State, Attempts: d.Attempts, Status: d.Status, Latency: d.Latency, Error: d.Error}
}

// JSON is the delivery for --json.
func (d Delivered) JSON() DeliveredJSON {
	return DeliveredJSON{Endpoint: Clean(d.Endpoint), URL: Clean(d.URL), State: d.State, Attempts: d.Attempts,
		Status: d.Status, LatencyMS: float64(d.Latency.Microseconds()) / 1000, Error: Clean(d.Error)}
}

// last is the last attempt in a few words: "200 in 2.1ms", or why no
// answer came.
func (d DeliveredJSON) last() string {
	if d.Status == 0 {
		return "no answer: " + d.Error
	}
	return fmt.Sprintf("%d in %.1fms", d.Status, d.LatencyMS)
}
