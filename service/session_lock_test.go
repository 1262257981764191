package service

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// lockedSession is a Session on an emulator in dir whose requests are
// counted, with a state store that fails at once on a held lock (as
// --lock-timeout 0s). Each POST also checks whether the state lock is held
// while it is being answered, and counts it in heldDuringPost.
type lockedSession struct {
	*Session
	sent, heldDuringPost atomic.Int64
}

func newLockedSession(t *testing.T, dir string) *lockedSession {
	t.Helper()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: dir, LockTimeout: -1})
	if err != nil {
		t.Fatal(err)
	}
	ls := &lockedSession{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ls.sent.Add(1)
		if r.Method == http.MethodPost {
			release, err := fsutil.Lock(r.Context(), store.Path()+".lock", -1, nil)
			if errors.Is(err, fsutil.ErrLocked) {
				ls.heldDuringPost.Add(1)
			} else if err == nil {
				release()
			}
		}
		emu.ServeHTTP(w, r)
	})
	c, err := client.New(client.Config{Handler: h})
	if err != nil {
		t.Fatal(err)
	}
	ls.Session = &Session{api: c, store: store}
	return ls
}

// holdLock holds dir's state lock, as another tokenscope in the middle of
// a write would, until the test ends.
func holdLock(t *testing.T, dir string) {
	t.Helper()
	other, err := state.Open(state.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	held, free, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		other.Update(context.Background(), "apply", func(*state.State) error {
			close(held)
			<-free
			return nil
		})
	}()
	<-held
	t.Cleanup(func() { close(free); <-done })
}

// QA A, repro 1: a write whose answer could not be recorded because another
// tokenscope holds the lock must not be sent (the token would be orphaned
// at the API). The lock is taken before the request, so nothing is sent.
func TestSessionSendsNothingWhileTheLockIsHeld(t *testing.T) {
	dir := t.TempDir()
	s := newLockedSession(t, dir)
	rec, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	sent := s.sent.Load()
	holdLock(t, dir)

	var lockErr *state.LockError
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); !errors.As(err, &lockErr) {
		t.Errorf("create with the lock held: %v, want a *state.LockError", err)
	}
	if _, _, err := s.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCustomer}); !errors.As(err, &lockErr) {
		t.Errorf("use with the lock held: %v, want a *state.LockError", err)
	}
	if n := s.sent.Load() - sent; n != 0 {
		t.Errorf("%d requests sent while the state could not be locked, want 0", n)
	}
}

// The lock is held from before the request until its answer is written:
// every POST of a create and a use is answered while it is held.
func TestSessionHoldsTheLockAcrossTheRequest(t *testing.T) {
	s := newLockedSession(t, t.TempDir())
	rec, err := s.Create(t.Context(), testio.Preset(t, "insufficient_funds"), "")
	if err != nil {
		t.Fatal(err)
	}
	_, stored, err := s.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if e, ok := model.AsError(err); !ok || e.DeclineCode != "insufficient_funds" {
		t.Fatalf("use: %v", err)
	}
	if len(stored.Uses) != 1 || stored.Uses[0].Status != "failed" {
		t.Errorf("the decline was not recorded: %+v", stored.Uses)
	}
	if got, want := s.heldDuringPost.Load(), int64(2); got != want {
		t.Errorf("%d of 2 POSTs were answered under the state lock", got)
	}
}

// QA A, repro 2: a state dir of the user's own that is not writable (0500)
// is found before the request, with a message naming --state-dir. Root
// writes anyway, so this runs as an ordinary user only (the probe itself
// is tested in model/state with a failing create).
func TestSessionSendsNothingToAnUnwritableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write a 0500 dir")
	}
	dir := t.TempDir()
	s := newLockedSession(t, dir)
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); err != nil {
		t.Fatal(err)
	}
	sent := s.sent.Load()
	os.Chmod(dir, 0o500)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	_, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err == nil || !strings.Contains(err.Error(), "cannot write to the state dir") || !strings.Contains(err.Error(), "--state-dir") || !strings.Contains(err.Error(), "nothing was sent") {
		t.Errorf("create in a 0500 dir: %v", err)
	}
	if n := s.sent.Load() - sent; n != 0 {
		t.Errorf("%d requests sent to a state that could not record them, want 0", n)
	}
}
