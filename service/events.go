package service

import (
	"context"
	"errors"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

// Bounds on reading events: the events one command reads back through
// (newest first), the page size, and how often a remote backend is polled
// while following.
const (
	DefaultEventLimit = 50
	maxEventsRead     = 2000
	eventPage         = 100
	DefaultPoll       = 2 * time.Second
)

// EventFilter chooses events.
type EventFilter struct {
	// For is a token or object id: its events and those of all it
	// became (the customer and charges a token made, their refunds...).
	For   string
	Types []string // any of these; none: every type
	Limit int      // the newest N; 0 is DefaultEventLimit
	// Delivery keeps the events whose deliveries amount to it (one of
	// model.DeliveryOutcomes; EventsDelivered only).
	Delivery string
}

// events is the session's client as an event reader.
func (s *Session) events() (client.Events, error) {
	if ev, ok := s.api.(client.Events); ok {
		return ev, nil
	}
	return nil, errors.New("this backend's client cannot read events")
}

// Events are the events f chooses, newest first.
func (s *Session) Events(ctx context.Context, f EventFilter) ([]model.Event, error) {
	limit := orLimit(f.Limit)
	read, send := limit, typesFor(f)
	if len(send) < len(f.Types) {
		// A token's story is found among all recent events (its type
		// filter applies after, or it would cut the chain of links), as
		// are types the API cannot filter by.
		read = maxEventsRead
	}
	evs, err := s.readEvents(ctx, 0, send, min(read, maxEventsRead))
	if err != nil {
		return nil, err
	}
	if f.For != "" {
		evs = model.Related(evs, s.seeds(f.For)...)
	}
	evs = slices.DeleteFunc(evs, func(ev model.Event) bool { return !wanted(f.Types, ev.Type) })
	if len(evs) > limit {
		evs = evs[:limit]
	}
	return evs, nil
}

// orLimit is limit, or DefaultEventLimit for none.
func orLimit(limit int) int {
	if limit <= 0 {
		return DefaultEventLimit
	}
	return limit
}

// typesFor is the types filter to send: none when the chain of links is
// followed.
func typesFor(f EventFilter) []string {
	if f.For != "" {
		return nil
	}
	return apiTypes(f.Types)
}

// apiTypes is the types filter the API can apply: one type or pattern
// (type=charge.*), or several names (types[], which takes no pattern);
// none when several hold a pattern, which are then filtered here.
func apiTypes(types []string) []string {
	if len(types) > 1 && slices.ContainsFunc(types, isPattern) {
		return nil
	}
	return types
}

func isPattern(t string) bool { return strings.Contains(t, "*") }

// wanted: typ is one of types, or matches one holding a * (charge.*
// matches charge.succeeded and charge.dispute.created, as Stripe's type
// filter does); no types wants every type.
func wanted(types []string, typ string) bool {
	return len(types) == 0 || slices.ContainsFunc(types, func(t string) bool {
		ok, _ := path.Match(t, typ)
		return ok
	})
}

// seeds are the ids a story of id starts from: id, and if the state
// keeps it, the card or bank account inside the token and what used it.
func (s *Session) seeds(id string) []string {
	out, _ := s.EventSeeds(id)
	return out
}

// EventSeeds is seeds' ids, and whether the state keeps id at all: "No
// events" then says what was looked for.
func (s *Session) EventSeeds(id string) (ids []string, kept bool) {
	out := []string{id}
	st, err := s.store.Load()
	if err != nil {
		return out, false
	}
	rec, ok := s.workspaceOf(st).Find(id)
	if !ok {
		return out, false
	}
	if f, err := model.DecodeFields(rec.Raw); err == nil {
		out = append(out, f.Get("card.id"), f.Get("bank_account.id"))
	}
	for _, u := range rec.Uses {
		out = append(out, u.ObjectID, u.PaymentMethod, u.Customer)
	}
	return out, true
}

// readEvents reads up to n events made at or after since (unix seconds,
// 0: any), newest first.
func (s *Session) readEvents(ctx context.Context, since int64, types []string, n int) ([]model.Event, error) {
	api, err := s.events()
	if err != nil {
		return nil, err
	}
	var out []model.Event
	q := client.EventQuery{Types: types, CreatedGTE: since}
	for len(out) < n {
		q.Limit = min(eventPage, n-len(out))
		page, err := api.Events(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Events...)
		if !page.HasMore || len(page.Events) == 0 {
			break
		}
		q.StartingAfter = page.Events[len(page.Events)-1].ID
	}
	return out, nil
}

// FollowEvents calls each with every event made from since on, oldest
// first, until ctx ends. Offline it wakes when the emulator's log is
// written, by this process or another on the state dir, so an event is
// seen as it is made; on another backend it polls every poll
// (DefaultPoll when 0). Each look reads only what is newer than the last
// event seen (ending_before). ready, if not nil, is called once the
// first events are read and the wake-up is in place.
func (s *Session) FollowEvents(ctx context.Context, since time.Time, types []string, poll time.Duration, ready func(), each func(model.Event)) error {
	wake, err := s.eventWake(ctx, poll)
	if err != nil {
		return err
	}
	f := follower{s: s, types: apiTypes(types), from: since.Unix(), told: map[string]int64{}}
	var seen recentIDs
	// The newest event of any type is where the first look begins.
	if newest, err := s.readEvents(ctx, 0, nil, 1); err == nil && len(newest) == 1 {
		f.cursor = newest[0].ID
		seen.add(f.cursor)
	}
	for {
		evs, err := f.next(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		for _, ev := range evs {
			if seen.add(ev.ID) && wanted(types, ev.Type) {
				each(ev)
			}
		}
		if ready != nil {
			ready()
			ready = nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		}
	}
}

// follower reads the events past the last one it saw.
type follower struct {
	s      *Session
	types  []string
	cursor string           // the newest event seen ("": none yet)
	from   int64            // without a cursor: events made at or after
	told   map[string]int64 // without a cursor: those told already
}

// next is the events made since the last call, oldest first.
func (f *follower) next(ctx context.Context) ([]model.Event, error) {
	if f.cursor != "" {
		evs, err := f.after(ctx)
		var me *model.Error
		if !errors.As(err, &me) || me.Code != "resource_missing" {
			return evs, err
		}
		f.cursor = "" // the cursor event is gone (expired): go by time
	}
	evs, err := f.s.readEvents(ctx, f.from, f.types, maxEventsRead)
	if err != nil {
		return nil, err
	}
	slices.Reverse(evs)
	evs = slices.DeleteFunc(evs, func(ev model.Event) bool { _, ok := f.told[ev.ID]; return ok })
	for _, ev := range evs {
		f.told[ev.ID] = ev.Created
		f.from = max(f.from, ev.Created)
	}
	if len(evs) > 0 {
		f.cursor = evs[len(evs)-1].ID
		clear(f.told)
	}
	return evs, nil
}

// after reads the pages newer than the cursor, up to maxEventsRead.
func (f *follower) after(ctx context.Context) ([]model.Event, error) {
	api, err := f.s.events()
	if err != nil {
		return nil, err
	}
	var out []model.Event
	for len(out) < maxEventsRead {
		page, err := api.Events(ctx, client.EventQuery{Types: f.types, Limit: eventPage, EndingBefore: f.cursor})
		if err != nil {
			return out, err
		}
		slices.Reverse(page.Events) // newest first in a page
		out = append(out, page.Events...)
		if len(page.Events) > 0 {
			f.cursor = page.Events[len(page.Events)-1].ID
			f.from = page.Events[len(page.Events)-1].Created
		}
		if !page.HasMore || len(page.Events) == 0 {
			break
		}
	}
	return out, nil
}

// eventWake tells when there may be new events: offline, writes to the
// emulator's log (any process's) and this process's own requests; else a
// ticker.
func (s *Session) eventWake(ctx context.Context, poll time.Duration) (<-chan struct{}, error) {
	out := make(chan struct{}, 1)
	tell := func() {
		select {
		case out <- struct{}{}:
		default:
		}
	}
	forward := func(in <-chan struct{}) {
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case <-in:
					tell()
				}
			}
		}()
	}
	if s.emu == nil {
		if poll <= 0 {
			poll = DefaultPoll
		}
		go func() {
			t := time.NewTicker(poll)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					tell()
				}
			}
		}()
		return out, nil
	}
	forward(s.emu.EventsMade(ctx))
	if s.emuDir != "" {
		logs, err := s.watchLog(ctx)
		if err != nil {
			return nil, err
		}
		forward(logs)
	}
	return out, nil
}

// FollowFiltered tells each of the events f chooses, oldest first: the
// newest f.Limit there are, then every new one as it is made, until ctx
// ends. With f.For, a new event belongs when it touches the story found
// so far.
func (s *Session) FollowFiltered(ctx context.Context, f EventFilter, ready func(), each func(model.Event)) error {
	start := time.Now()
	past, err := s.Events(ctx, f)
	if err != nil {
		return err
	}
	slices.Reverse(past)
	var story *model.Relation
	if f.For != "" {
		story = model.NewRelation(s.seeds(f.For)...)
	}
	told := map[string]bool{}
	for _, ev := range past {
		if story != nil {
			story.Add(ev)
		}
		told[ev.ID] = true
		each(ev)
	}
	return s.FollowEvents(ctx, start, typesFor(f), 0, ready, func(ev model.Event) {
		if told[ev.ID] || (story != nil && !story.Add(ev)) || !wanted(f.Types, ev.Type) {
			return
		}
		each(ev)
	})
}
