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
	pc, _ := newContext(t, 80, 24, setup{})
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
	s := r.shows("Waiting for the state lock", "held by alice@jump (pid 4242, apply since 02:40:00 UTC)")
	lacks(t, s, "Creating token")
	release()
	if s := r.until("created", func(s snapshot) bool { return s.done != nil }); s.done.Record == nil {
		t.Fatalf("after the lock was let go: %+v", s.done)
	}
}
