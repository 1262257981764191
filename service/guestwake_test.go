package service

import (
	"context"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// A guest logged in to two tokenscope serve processes on one state dir
// (two services here, each with its own emulator on the guest's dir): a
// charge made through one is followed at once by the other's session, as
// the local TUI follows another terminal's.
func TestGuestFollowsEventsAnotherServeMade(t *testing.T) {
	dir := t.TempDir()
	guest := func() *Session {
		svc := offlineService(dir)
		if err := svc.OpenGuests(); err != nil {
			t.Fatal(err)
		}
		sess, release, err := svc.Guest("SHA256:a", "a")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(release)
		return sess
	}
	watching, making := guest(), guest()
	ctx, cancel := context.WithCancel(context.Background())
	followed := make(chan model.Event, 10)
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- watching.FollowEvents(ctx, time.Now(), []string{"charge.succeeded"}, 0, func() { close(ready) },
			func(ev model.Event) { followed <- ev })
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("follow: %v", err)
		}
	})
	testio.Recv(t, ready, "the follow ready")
	charged(t, making)
	if ev := testio.Recv(t, followed, "the charge's event"); ev.Type != "charge.succeeded" {
		t.Errorf("followed %s", ev.Type)
	}
}
