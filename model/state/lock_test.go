package state

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// holdLock runs an Update whose fn blocks until release is closed; it
// returns once the lock is held.
func holdLock(t *testing.T, s *Store, release chan struct{}) <-chan error {
	t.Helper()
	held, done := make(chan struct{}), make(chan error, 1)
	go func() {
		_, err := s.Update(context.Background(), "apply", func(st *State) error {
			close(held)
			<-release
			return nil
		})
		done <- err
	}()
	select {
	case <-held:
	case err := <-done:
		t.Fatalf("holder: %v", err)
	}
	return done
}

// letGo releases a holdLock holder and waits for it: it writes state.json
// once released, and t.TempDir's cleanup running meanwhile fails to remove
// the dir ("directory not empty"), as TestLockWaitStopsWithContext once did
// under load.
func letGo(t *testing.T, release chan struct{}, done <-chan error) {
	t.Helper()
	close(release)
	if err := <-done; err != nil {
		t.Errorf("holder: %v", err)
	}
}

func TestHeldLockWaitsThenFailsWithHolderInfo(t *testing.T) {
	dir := t.TempDir()
	holder := openStore(t, dir, func(o *Options) { o.Who = "alice@jump1" })
	release := make(chan struct{})
	done := holdLock(t, holder, release)

	var waits atomic.Int32
	waiter := openStore(t, dir, func(o *Options) {
		o.LockTimeout = 200 * time.Millisecond
		o.OnWait = func() { waits.Add(1) }
	})
	start := time.Now()
	_, err := waiter.Update(context.Background(), "create", func(*State) error {
		t.Error("fn ran without the lock")
		return nil
	})
	if waited := time.Since(start); waited < 200*time.Millisecond {
		t.Errorf("gave up after %s, before LockTimeout", waited)
	}
	if waits.Load() != 1 {
		t.Errorf("OnWait called %d times, want 1", waits.Load())
	}
	var lockErr *LockError
	if !errors.As(err, &lockErr) || lockErr.Info == nil {
		t.Fatalf("err = %v, want a *LockError with the holder's info", err)
	}
	info := lockErr.Info
	if info.Operation != "apply" || info.Who != "alice@jump1" || info.PID != os.Getpid() || info.Path != holder.Path() || time.Since(info.Created) > time.Minute || info.ID == "" {
		t.Errorf("holder info %+v", info)
	}
	msg := err.Error()
	for _, want := range []string{"Error acquiring the state lock", "ID:        " + info.ID, "Operation: apply", "Who:       alice@jump1", "Path:      " + holder.Path(), "Created:", "tokenscope force-unlock " + info.ID} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}

	// The waiter gets in once the holder is done, without another OnWait.
	waiter.opts.LockTimeout = 5 * time.Second
	go func() { time.Sleep(50 * time.Millisecond); close(release) }()
	if _, err := waiter.Update(context.Background(), "create", func(st *State) error {
		st.Workspace("offline").Upsert(cardRecord("tok_after"))
		return nil
	}); err != nil {
		t.Fatalf("update after the holder released: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(holder.infoPath()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock info left after unlock: %v", err)
	}
}

func TestLockWaitStopsWithContext(t *testing.T) {
	dir := t.TempDir()
	release := make(chan struct{})
	defer letGo(t, release, holdLock(t, openStore(t, dir), release))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := openStore(t, dir, func(o *Options) { o.LockTimeout = time.Minute }).Update(ctx, "create", func(*State) error { return nil })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's deadline", err)
	}
	// Generous for a loaded machine, far below the lock timeout.
	if waited := time.Since(start); waited > 30*time.Second {
		t.Errorf("gave up after %s: the context was not heeded", waited)
	}
}

func TestForceUnlock(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, func(o *Options) { o.LockTimeout = -1 })
	if err := s.ForceUnlock("anything"); err == nil {
		t.Fatal("ForceUnlock without a lock succeeded")
	}

	release := make(chan struct{})
	done := holdLock(t, openStore(t, dir), release)
	info, err := s.readLockInfo()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ForceUnlock("not-" + info.ID); err == nil || !strings.Contains(err.Error(), info.ID) {
		t.Fatalf("ForceUnlock with the wrong id: %v", err)
	}
	if _, err := s.Update(context.Background(), "create", func(*State) error { return nil }); err == nil {
		t.Fatal("a wrong-id ForceUnlock released the lock")
	}
	if err := s.ForceUnlock(info.ID); err != nil {
		t.Fatalf("ForceUnlock(%s): %v", info.ID, err)
	}
	// A new holder gets the lock at once; the stuck one finishing later
	// must not remove the new holder's info.
	release2 := make(chan struct{})
	done2 := holdLock(t, s, release2)
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if cur, err := s.readLockInfo(); err != nil || cur.ID == info.ID {
		t.Fatalf("lock info after the old holder finished: %+v, %v; want the new holder's", cur, err)
	}
	close(release2)
	if err := <-done2; err != nil {
		t.Fatal(err)
	}
}

// A negative LockTimeout (the CLI's --lock-timeout 0s) fails at once, as
// Terraform's -lock-timeout=0s does, without saying it waits.
func TestNegativeLockTimeoutFailsAtOnce(t *testing.T) {
	dir := t.TempDir()
	release := make(chan struct{})
	defer letGo(t, release, holdLock(t, openStore(t, dir), release))
	var waits atomic.Int32
	s := openStore(t, dir, func(o *Options) {
		o.LockTimeout = -1
		o.OnWait = func() { waits.Add(1) }
	})
	start := time.Now()
	_, err := s.Update(context.Background(), "create", func(*State) error { return nil })
	var lockErr *LockError
	if !errors.As(err, &lockErr) || !errors.Is(err, fsutil.ErrLocked) {
		t.Fatalf("err = %v, want a *LockError", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("failed after %s, want at once", waited)
	}
	if waits.Load() != 0 {
		t.Errorf("OnWait called %d times for a lock it would not wait for", waits.Load())
	}
}
