package flow

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// A create while another tokenscope holds the state lock says it waits
// for the lock, and who holds it, not that the request is on its way
// (nothing is sent before the lock is taken); once the lock is let go
// the create goes on.
func TestCreateSaysItWaitsForTheStateLock(t *testing.T) {
	for _, guest := range []bool{false, true} {
		createWaitsForTheStateLock(t, guest)
	}
}

// createWaitsForTheStateLock: a guest of serve, who can neither ask the
// server's user nor signal its process, is told what holds the lock and
// since when, not who and which pid.
func createWaitsForTheStateLock(t *testing.T, guest bool) {
	pc, _ := newContext(t, 80, 24, setup{})
	pc.Guest = guest
	dir := filepath.Dir(pc.Session.OutputPath("x"))
	info := `{"ID":"lock-1","Operation":"apply","Who":"alice@jump","PID":4242,"Created":"2026-11-26T02:40:00Z","Path":"` + filepath.Join(dir, "state.json") + `"}`
	if err := os.WriteFile(filepath.Join(dir, "state.json.lock.info"), []byte(info), 0o600); err != nil {
		t.Fatal(err)
	}
	release, err := fsutil.Lock(context.Background(), filepath.Join(dir, "state.json.lock"), time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter", "enter")
	r.shows("Plan: 1 to add")
	r.keys("enter")
	holder, hidden := "held by alice@jump (pid 4242, apply since 02:40:00 UTC)", "another session"
	if guest {
		holder, hidden = "held by another session (apply, since 02:40:00 UTC)", "alice"
	}
	s := r.shows("Waiting for the state lock", holder)
	lacks(t, s, "Creating token", hidden)
	release()
	if s := r.until("created", func(s snapshot) bool { return s.done != nil }); s.done.Record == nil {
		t.Fatalf("after the lock was let go: %+v", s.done)
	}
}
