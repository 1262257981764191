package service

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// feedCharge makes a visa token and charges it, on sess.
func feedCharge(t *testing.T, sess *Session) (model.Record, model.Use) {
	t.Helper()
	req, err := model.FromPreset("visa")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := sess.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := sess.Use(context.Background(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	return rec, use
}

// eventReads counts the reads of events in s's request log.
func eventReads(s *Session) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Path == "/v1/events" {
			n++
		}
	}
	return n
}

// A feed wakes when another tokenscope on the state dir makes an event,
// and Next reads only the new ones; a token's feed keeps to its story.
func TestEventFeedWakesOnAnotherProcesssEvents(t *testing.T) {
	dir := t.TempDir()
	watching, err := offlineService(dir).Session()
	if err != nil {
		t.Fatal(err)
	}
	maker, err := offlineService(dir).Session()
	if err != nil {
		t.Fatal(err)
	}
	first, _ := feedCharge(t, maker)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	all, err := watching.FeedEvents(ctx, EventFilter{Limit: 10}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if all.Polled() != 0 {
		t.Errorf("offline feed polls every %s, want told as made", all.Polled())
	}
	mine, err := watching.FeedEvents(ctx, EventFilter{For: first.ID, Limit: 10}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*EventFeed{all, mine} {
		evs, err := f.First(ctx)
		if err != nil || len(evs) != 1 || evs[0].Type != "charge.succeeded" {
			t.Fatalf("first: %v %v, want the one charge", evs, err)
		}
	}

	logged := eventReads(watching)
	if logged == 0 {
		t.Fatal("First's reads are not in the request log")
	}
	_, use := feedCharge(t, maker) // another token, another process
	if err := all.Wait(ctx); err != nil {
		t.Fatalf("no wake for another process's event: %v", err)
	}
	evs, err := all.Next(ctx)
	if err != nil || len(evs) != 1 || evs[0].ObjectID != use.ObjectID {
		t.Fatalf("next: %v %v, want the new charge %s only", evs, err, use.ObjectID)
	}
	if err := mine.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if evs, err := mine.Next(ctx); err != nil || len(evs) != 0 {
		t.Errorf("the first token's feed read %v %v: another token's charge", evs, err)
	}
	if evs, err := all.Next(ctx); err != nil || len(evs) != 0 {
		t.Errorf("next again: %v %v, want nothing new", evs, err)
	}
	if n := eventReads(watching); n != logged {
		t.Errorf("the request log grew from %d to %d entries with the feed's follow-up reads", logged, n)
	}
}

// A token used through a PaymentIntent by another process shows in the
// token's feed: its events name a PaymentMethod and a PaymentIntent, not
// the token, and are found from the use the state records.
func TestEventFeedFollowsAPaymentIntentUse(t *testing.T) {
	dir := t.TempDir()
	watching, err := offlineService(dir).Session()
	if err != nil {
		t.Fatal(err)
	}
	maker, err := offlineService(dir).Session()
	if err != nil {
		t.Fatal(err)
	}
	req, err := model.FromPreset("visa")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := maker.Create(t.Context(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	feed, err := watching.FeedEvents(ctx, EventFilter{For: rec.ID, Limit: 10}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if evs, err := feed.First(ctx); err != nil || len(evs) != 0 {
		t.Fatalf("first: %v %v, want none yet", evs, err)
	}
	use, _, err := maker.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for !slices.Contains(got, "payment_intent.succeeded") {
		if err := feed.Wait(ctx); err != nil {
			t.Fatalf("waiting for %s's events, read %v: %v", use.ObjectID, got, err)
		}
		evs, err := feed.Next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			got = append(got, ev.Type)
		}
	}
}
