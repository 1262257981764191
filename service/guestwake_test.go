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

// A guest's follows share the process's one file watcher: one watch on
// the guest's dir however many follow it, given back when the last ends.
func TestGuestFollowsShareOneWatch(t *testing.T) {
	svc := offlineService(t.TempDir())
	if err := svc.OpenGuests(); err != nil {
		t.Fatal(err)
	}
	sess, release, err := svc.Guest("SHA256:b", "b")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithCancel(context.Background())
	for range 3 {
		if _, err := sess.eventWake(ctx, 0); err != nil {
			t.Fatal(err)
		}
	}
	watched := func() (dirs, subs int) {
		stateWatcher.mu.Lock()
		defer stateWatcher.mu.Unlock()
		if d := stateWatcher.dirs[sess.emuDir]; d != nil {
			return 1, len(d.logSubs)
		}
		return 0, 0
	}
	if dirs, subs := watched(); dirs != 1 || subs != 3 {
		t.Fatalf("%d watches of %s with %d follows told, want 1 with 3", dirs, sess.emuDir, subs)
	}
	cancel()
	for i := 0; ; i++ { // each follow lets go as its ctx ends (context.AfterFunc)
		if dirs, _ := watched(); dirs == 0 {
			break
		}
		if i > 1000 {
			t.Fatalf("%s is still watched after every follow ended", sess.emuDir)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
