package emulator

import (
	"context"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/webhook"
)

// Of two listens on one URL, the first to claim an event sends it: the
// other's claim fails while the lease runs, and after the delivery ends.
func TestClaimForwardOncePerURL(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	f := Forward{Event: "evt_1", Type: "charge.succeeded", URL: "http://127.0.0.1:4245/webhook"}
	now := time.Unix(1_800_000_000, 0)
	claim := func(owner string, at time.Time) bool {
		t.Helper()
		ok, err := claimForward(ctx, s, f, owner, at, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !claim("a", now) {
		t.Fatal("the first claim failed")
	}
	if claim("b", now) {
		t.Error("a second listen claimed an event the first has")
	}
	if !claim("a", now) {
		t.Error("the owner lost its own claim")
	}
	if !claim("b", now.Add(2*time.Minute)) {
		t.Error("a claim whose lease ran out (its listen was killed) was not taken over")
	}
	f.Attempt, f.MaxAttempts = webhook.Attempt{Status: 200}, 5
	if err := logForward(ctx, s, f); err != nil {
		t.Fatal(err)
	}
	if claim("a", now.Add(3*time.Minute)) {
		t.Error("a delivered event was claimed again")
	}
	ds, err := deliveries(ctx, s, []string{"evt_1"})
	if err != nil || len(ds) != 1 || ds[0].State != Delivered || len(ds[0].Attempts) != 1 {
		t.Errorf("deliveries: %+v %v, want one delivered in 1 attempt", ds, err)
	}
}
