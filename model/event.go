package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Event is one of Stripe's events (evt_): what happened to which object,
// when, and which request caused it. Raw is the event's JSON as the API
// sent it, which is what a webhook delivers.
type Event struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Created    int64  `json:"created"`
	ObjectID   string `json:"object_id"`
	ObjectType string `json:"object_type"`
	RequestID  string `json:"request_id,omitempty"`
	// Links are the ids the object names (its customer, charge, payment
	// intent, payment method, source): what a token became is found by
	// following them.
	Links []string        `json:"links,omitempty"`
	Raw   json.RawMessage `json:"-"`
}

// linkFields are the fields of an event's object that name another object
// a token's story goes through.
var linkFields = []string{
	"customer", "charge", "payment_intent", "payment_method", "source.id", "default_source",
	"latest_charge", "card.id", "bank_account.id", "account", "dispute", "refund",
}

// NewEvent decodes an event as the API returned it.
func NewEvent(raw []byte) (Event, error) {
	var head struct {
		ID      string `json:"id"`
		Type    string `json:"type"`
		Created int64  `json:"created"`
		Request *struct {
			ID string `json:"id"`
		} `json:"request"`
		Data struct {
			Object json.RawMessage `json:"object"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return Event{}, fmt.Errorf("decode event: %w", err)
	}
	if !strings.HasPrefix(head.ID, "evt_") {
		return Event{}, fmt.Errorf("decode event: %q is not an event id", head.ID)
	}
	ev := Event{ID: head.ID, Type: head.Type, Created: head.Created, Raw: raw}
	if head.Request != nil {
		ev.RequestID = head.Request.ID
	}
	if obj, err := DecodeFields(head.Data.Object); err == nil {
		ev.ObjectID, ev.ObjectType = obj.Get("id"), obj.Get("object")
		for _, f := range linkFields {
			if id := obj.Get(f); id != "" && id != ev.ObjectID && !slices.Contains(ev.Links, id) {
				ev.Links = append(ev.Links, id)
			}
		}
	}
	return ev, nil
}

// Time is when the event was made.
func (e Event) Time() time.Time { return time.Unix(e.Created, 0).UTC() }

// Relation is a token's story as events arrive, oldest first: an event
// belongs when its object, or an object it names, is one already found,
// and then its object and links are found too (a token's card, the
// customer it made, that customer's charges, their refunds...).
type Relation struct{ found map[string]bool }

// NewRelation is the story of the objects seeds names ("" is skipped).
func NewRelation(seeds ...string) *Relation {
	r := &Relation{found: map[string]bool{}}
	for _, s := range seeds {
		if s != "" {
			r.found[s] = true
		}
	}
	return r
}

// Add reports whether ev belongs to the story, and if so takes its
// objects in.
func (r *Relation) Add(ev Event) bool {
	if !ev.touches(r.found) {
		return false
	}
	r.found[ev.ObjectID] = true
	for _, l := range ev.Links {
		r.found[l] = true
	}
	return true
}

// Related keeps the events of the story of seeds (see Relation), in any
// order: it goes over them until no more are found. The result keeps
// their order.
func Related(evs []Event, seeds ...string) []Event {
	r := NewRelation(seeds...)
	in := make([]bool, len(evs))
	for grew := true; grew; {
		grew = false
		for i, ev := range evs {
			if !in[i] && r.Add(ev) {
				in[i], grew = true, true
			}
		}
	}
	var out []Event
	for i, ev := range evs {
		if in[i] {
			out = append(out, ev)
		}
	}
	return out
}

func (e Event) touches(ids map[string]bool) bool {
	if ids[e.ObjectID] {
		return true
	}
	for _, l := range e.Links {
		if ids[l] {
			return true
		}
	}
	return false
}
