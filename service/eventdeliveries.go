package service

import (
	"context"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// EventDeliveries is an event and its deliveries (to the emulator's
// webhook endpoints and to listen).
type EventDeliveries struct {
	Event      model.Event
	Deliveries []Delivery
}

// Outcome is what the event's deliveries amount to
// (model.DeliveryOutcome).
func (e EventDeliveries) Outcome() string {
	states := make([]string, len(e.Deliveries))
	for i, d := range e.Deliveries {
		states[i] = d.State
	}
	return model.DeliveryOutcome(states)
}

// EventsDelivered are the events f chooses, newest first, each with its
// deliveries. With f.Delivery, only the events whose deliveries amount to
// it (model.DeliveryOutcomes), looked for among as many events as Events
// reads back at most.
func (s *Session) EventsDelivered(ctx context.Context, f EventFilter) ([]EventDeliveries, error) {
	read := f
	if f.Delivery != "" {
		read.Limit = maxEventsRead
	}
	evs, err := s.Events(ctx, read)
	if err != nil {
		return nil, err
	}
	byEvent, err := s.deliveriesOf(ctx, evs)
	if err != nil {
		return nil, err
	}
	out := make([]EventDeliveries, 0, len(evs))
	for _, ev := range evs {
		out = append(out, EventDeliveries{Event: ev, Deliveries: byEvent[ev.ID]})
	}
	if f.Delivery != "" {
		out = slices.DeleteFunc(out, func(e EventDeliveries) bool { return e.Outcome() != f.Delivery })
	}
	if limit := orLimit(f.Limit); len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// deliveriesOf are the deliveries of evs, by event id.
func (s *Session) deliveriesOf(ctx context.Context, evs []model.Event) (map[string][]Delivery, error) {
	ids := make([]string, len(evs))
	for i, ev := range evs {
		ids[i] = ev.ID
	}
	ds, err := s.Deliveries(ctx, ids...)
	if err != nil {
		return nil, err
	}
	byEvent := map[string][]Delivery{}
	for _, d := range ds {
		byEvent[d.Event] = append(byEvent[d.Event], d)
	}
	return byEvent, nil
}
