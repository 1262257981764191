package service

import (
	"context"
	"slices"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

// ObjectFeed tells of the events about one object while a screen shows
// it (the TUI's object pane), so the screen reads it again when it
// changed, whoever changed it: the events whose data.object is the
// object, and those of the objects that name it (a charge's refunds and
// disputes, a PaymentIntent's charges, a customer's sources), which
// change what its pane shows. EventFilter.For follows a token's whole
// story, which would wake a charge's pane for every charge of its
// customer. It wakes as an EventFeed does (offline when the emulator's
// log is written, else a poll of one GET /v1/events a look), and ends
// with the ctx it was made under.
type ObjectFeed struct {
	id   string
	feed *EventFeed
}

// FeedObject follows the events about the object id until ctx ends;
// Start says from where. poll is as FeedEvents takes it.
func (s *Session) FeedObject(ctx context.Context, id string, poll time.Duration) (*ObjectFeed, error) {
	feed, err := s.FeedEvents(ctx, EventFilter{}, poll)
	if err != nil {
		return nil, err
	}
	return &ObjectFeed{id: id, feed: feed}, nil
}

// Start makes the newest event there is where Next reads from, under
// ctx (the request it is part of): an object read after it is as those
// events left it, so none is missed and none told twice. Its read stays
// out of the request log.
func (f *ObjectFeed) Start(ctx context.Context) error {
	return f.feed.markNewest(client.Unlogged(ctx))
}

// Polled is how often a remote backend is asked for new events; 0
// offline, where they are told as they are made.
func (f *ObjectFeed) Polled() time.Duration { return f.feed.Polled() }

// Wait blocks until there may be new events, or ctx ends (its error is
// returned).
func (f *ObjectFeed) Wait(ctx context.Context) error { return f.feed.Wait(ctx) }

// Next reads the events about the object made since the last look,
// oldest first; none when nothing about it came.
func (f *ObjectFeed) Next(ctx context.Context) ([]model.Event, error) {
	evs, err := f.feed.Next(ctx)
	if err != nil {
		return nil, err
	}
	evs = slices.DeleteFunc(evs, func(ev model.Event) bool { return !about(ev, f.id) })
	slices.Reverse(evs)
	return evs, nil
}

// about: ev's object is id, or names it.
func about(ev model.Event, id string) bool {
	return ev.ObjectID == id || slices.Contains(ev.Links, id)
}

// FollowUp marks the reads made under ctx as a live screen's own, made
// because something changed, not because a person asked (the object an
// event was about, read again): like the feed's looks, they stay out of
// the request log.
func FollowUp(ctx context.Context) context.Context { return client.Unlogged(ctx) }
