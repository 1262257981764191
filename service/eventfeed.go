package service

import (
	"context"
	"slices"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

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
	// story is what a token became so far (nil without f.For): a new
	// event belongs when it touches it.
	story *model.Relation
	// seen are the events First read, until Next has looked once.
	seen map[string]bool
}

// FeedEvents starts following the events f chooses (f.Types filters
// names the API knows; a screen filters further as it likes). Offline it
// wakes when the emulator's log is written, by this process or another
// on the state dir; on another backend it polls GET /v1/events every poll
// (DefaultPoll when 0), one request a look, until ctx ends.
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
	return &EventFeed{s: s, f: f, wake: wake, poll: poll, seen: map[string]bool{},
		fol: follower{s: s, types: typesFor(f), told: map[string]int64{}}}, nil
}

// Polled is how often a remote backend is asked for new events; 0
// offline, where they are told as they are made.
func (e *EventFeed) Polled() time.Duration { return e.poll }

// First reads the newest events f chooses (f.Limit of them), newest
// first. The cursor Next reads past is taken before them, so an event
// made meanwhile is read by Next, not lost.
func (e *EventFeed) First(ctx context.Context) ([]model.Event, error) {
	newest, err := e.s.readEvents(ctx, 0, nil, 1)
	if err != nil {
		return nil, err
	}
	if len(newest) == 1 {
		e.fol.cursor = newest[0].ID
	}
	// With none yet, Next reads every event (from 0), each one new: a
	// time of this machine's would miss those of a server whose clock is
	// behind.
	evs, err := e.s.Events(ctx, e.f)
	if err != nil {
		return nil, err
	}
	if e.f.For != "" {
		// The story found so far: its seeds and every object its events
		// are about or name.
		ids := e.s.seeds(e.f.For)
		for _, ev := range evs {
			ids = append(append(ids, ev.ObjectID), ev.Links...)
		}
		e.story = model.NewRelation(ids...)
	}
	for _, ev := range evs {
		e.seen[ev.ID] = true
	}
	return evs, nil
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
	var out []model.Event
	for _, ev := range evs {
		if e.seen[ev.ID] || (e.story != nil && !e.story.Add(ev)) || !wanted(e.f.Types, ev.Type) {
			continue
		}
		out = append(out, ev)
	}
	// Only the first look can meet what First read (made between its
	// cursor and its read); the cursor keeps every later one new.
	clear(e.seen)
	slices.Reverse(out)
	return out, nil
}
