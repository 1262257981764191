package service

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// An object's feed wakes when another tokenscope on the state dir
// changes the object (a refund of the charge) and tells its events, all
// about it; another charge's refund wakes it too (the log was written)
// but tells nothing, nor do the events made before the feed started.
func TestObjectFeedTellsTheEventsAboutItsObjectOnly(t *testing.T) {
	dir := t.TempDir()
	watching, err := offlineService(dir).Session()
	if err != nil {
		t.Fatal(err)
	}
	maker, err := offlineService(dir).Session()
	if err != nil {
		t.Fatal(err)
	}
	_, mine := feedCharge(t, maker)
	_, other := feedCharge(t, maker)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	feed, err := watching.FeedObject(ctx, mine.ObjectID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := feed.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if feed.Polled() != 0 {
		t.Errorf("offline object feed polls every %s, want told as made", feed.Polled())
	}

	if _, err := maker.Refund(ctx, model.RefundRequest{Of: other.ObjectID}); err != nil {
		t.Fatal(err)
	}
	if err := feed.Wait(ctx); err != nil {
		t.Fatalf("no wake for another process's refund: %v", err)
	}
	evs, err := feed.Next(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 0 {
		t.Fatalf("next: %d events (the first %s of %s), want none: the refund is of %s",
			len(evs), evs[0].Type, evs[0].ObjectID, other.ObjectID)
	}

	if _, err := maker.Refund(ctx, model.RefundRequest{Of: mine.ObjectID}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for !slices.Contains(got, "refund.created") || !slices.Contains(got, "charge.refunded") {
		if err := feed.Wait(ctx); err != nil {
			t.Fatalf("waiting for the events of %s's refund, read %v: %v", mine.ObjectID, got, err)
		}
		evs, err := feed.Next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			if ev.ObjectID != mine.ObjectID && !slices.Contains(ev.Links, mine.ObjectID) {
				t.Errorf("told %s of %s, which is not about %s", ev.Type, ev.ObjectID, mine.ObjectID)
			}
			if ev.Type == "charge.succeeded" {
				t.Errorf("told %s, made before the feed started", ev.Type)
			}
			got = append(got, ev.Type)
		}
	}
	if n := eventReads(watching); n != 0 {
		t.Errorf("the request log holds %d reads of events: the feed's looks are no one's requests", n)
	}
}

// An object feed ends with its ctx (the pane closed): it stops watching
// the emulator's log, and a Wait under it returns.
func TestObjectFeedEndsWithItsContext(t *testing.T) {
	dir := t.TempDir()
	sess, err := offlineService(dir).Session()
	if err != nil {
		t.Fatal(err)
	}
	_, use := feedCharge(t, sess)
	ctx, cancel := context.WithCancel(t.Context())
	feed, err := sess.FeedObject(ctx, use.ObjectID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := feed.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if !logWatched(dir) {
		t.Fatal("the feed does not watch the emulator's log")
	}
	cancel()
	if err := feed.Wait(ctx); err == nil {
		// A wake already waiting may come first; the next is the end.
		if err := feed.Wait(ctx); err == nil {
			t.Error("Wait returned no error after the feed's ctx ended")
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for logWatched(dir) {
		if time.Now().After(deadline) {
			t.Fatal("the emulator's log is still watched after the feed's ctx ended")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// logWatched reports whether anyone in this process is told of writes
// to the emulator's log in dir.
func logWatched(dir string) bool {
	stateWatcher.mu.Lock()
	defer stateWatcher.mu.Unlock()
	d := stateWatcher.dirs[filepath.Clean(dir)]
	return d != nil && len(d.logSubs) > 0
}
