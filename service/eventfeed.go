package service

import (
	"context"
	"slices"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

// maxAside bounds the events a token's feed keeps aside (those not yet
// found to be of its story) to look at again.
const maxAside = 500

// EventFeed is the events a filter chooses, kept up to date for a screen
// that shows them live (the TUI's timeline and events view). The screen
// pulls: First reads the newest, Wait blocks until there may be more,
// Next reads what came since. Pulling keeps one read in flight at most,
// however fast events come: a wake while a read runs is kept and covers
// every change until the next Wait. A feed is not safe for concurrent
// use; it ends with the ctx it was made under.
type EventFeed struct {
	s    *Session
	f    EventFilter
	wake <-chan struct{}
	poll time.Duration // 0 offline: woken as events are made
	fol  follower
	// With f.For: found are the ids of the token's story so far, aside
	// the newest events not (yet) in it. A use through a PaymentIntent
	// makes its events before the state records the use that links them
	// to the token: they are looked at again with each look's seeds.
	found map[string]bool
	aside []model.Event // oldest first
	// seen are the events First read, until Next has looked once.
	seen map[string]bool
}

// FeedEvents starts following the events f chooses (f.Types filters
// names the API knows; a screen filters further as it likes). Offline it
// wakes when the emulator's log is written, by this process or another
// on the state dir; on another backend it polls GET /v1/events every poll
// (DefaultPoll when 0), one request a look, until ctx ends. A token's
// feed (f.For) wakes when the state changes too: a use recorded there
// links events to the token.
func (s *Session) FeedEvents(ctx context.Context, f EventFilter, poll time.Duration) (*EventFeed, error) {
	if _, err := s.events(); err != nil {
		return nil, err
	}
	if s.emu == nil && poll <= 0 {
		poll = DefaultPoll
	}
	if s.emu != nil {
		poll = 0
	}
	wake, err := s.eventWake(ctx, poll)
	if err != nil {
		return nil, err
	}
	if f.For != "" {
		if changes, err := s.Watch(ctx); err == nil { // without it, the next event's look
			wake = merge(ctx, wake, changes)
		}
	}
	return &EventFeed{s: s, f: f, wake: wake, poll: poll, seen: map[string]bool{}, found: map[string]bool{},
		fol: follower{s: s, types: typesFor(f), told: map[string]int64{}}}, nil
}

// merge tells on one channel what a and b tell, until ctx ends.
func merge(ctx context.Context, a, b <-chan struct{}) <-chan struct{} {
	out := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-a:
			case <-b:
			}
			select {
			case out <- struct{}{}:
			default:
			}
		}
	}()
	return out
}

// Polled is how often a remote backend is asked for new events; 0
// offline, where they are told as they are made.
func (e *EventFeed) Polled() time.Duration { return e.poll }

// First reads the newest events f chooses (f.Limit of them), newest
// first. The cursor Next reads past is taken before them, so an event
// made meanwhile is read by Next, not lost.
func (e *EventFeed) First(ctx context.Context) ([]model.Event, error) {
	if err := e.markNewest(ctx); err != nil {
		return nil, err
	}
	evs, err := e.s.Events(ctx, e.f)
	if err != nil {
		return nil, err
	}
	for _, ev := range evs {
		e.seen[ev.ID] = true
		e.take(ev)
	}
	return evs, nil
}

// markNewest makes the newest event the cursor Next reads past. With none
// yet, Next reads every event (from 0), each one new: a time of this
// machine's would miss those of a server whose clock is behind.
func (e *EventFeed) markNewest(ctx context.Context) error {
	newest, err := e.s.readEvents(ctx, 0, nil, 1)
	if err != nil {
		return err
	}
	if len(newest) == 1 {
		e.fol.cursor = newest[0].ID
	}
	return nil
}

// take notes the objects ev is about or names as the story's.
func (e *EventFeed) take(ev model.Event) {
	if e.f.For == "" {
		return
	}
	e.found[ev.ObjectID] = true
	for _, l := range ev.Links {
		e.found[l] = true
	}
}

// Wait blocks until there may be new events (or deliveries), or ctx
// ends (its error is returned).
func (e *EventFeed) Wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-e.wake:
		return nil
	}
}

// Next reads the events f chooses made since the last read, newest
// first; none when nothing new came. Its reads stay out of the request
// log (client.Unlogged).
func (e *EventFeed) Next(ctx context.Context) ([]model.Event, error) {
	ctx = client.Unlogged(ctx)  // a look a change (or 2 s) is no request a person made
	evs, err := e.fol.next(ctx) // oldest first: a story grows in order
	if err != nil {
		return nil, err
	}
	// Only the first look can meet what First read (made between its
	// cursor and its read); the cursor keeps every later one new.
	evs = slices.DeleteFunc(evs, func(ev model.Event) bool { return e.seen[ev.ID] })
	clear(e.seen)
	if e.f.For != "" {
		evs = e.ofStory(evs)
	}
	evs = slices.DeleteFunc(evs, func(ev model.Event) bool { return !wanted(e.f.Types, ev.Type) })
	slices.Reverse(evs)
	return evs, nil
}

// ofStory are the events of evs and of those set aside that are the
// token's, found from the story so far and the token's seeds now; the
// others are set aside (the newest maxAside).
func (e *EventFeed) ofStory(evs []model.Event) []model.Event {
	all := append(e.aside, evs...)
	ids := e.s.seeds(e.f.For)
	for id := range e.found {
		ids = append(ids, id)
	}
	in := model.Related(all, ids...)
	taken := map[string]bool{}
	for _, ev := range in {
		e.take(ev)
		taken[ev.ID] = true
	}
	e.aside = slices.DeleteFunc(all, func(ev model.Event) bool { return taken[ev.ID] })
	if n := len(e.aside); n > maxAside {
		e.aside = slices.Delete(e.aside, 0, n-maxAside)
	}
	return in
}
