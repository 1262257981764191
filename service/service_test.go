package service

import (
	"errors"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// The state commands open only the state: a key the guard refuses does
// not stop them, while a session, which needs the client, is refused.
func TestStateCommandsNeedNoClient(t *testing.T) {
	svc := New(Config{Backend: BackendConfig{Key: "sk_" + "live_refused"}, StateDir: t.TempDir()})
	if _, err := svc.PullState(); err != nil {
		t.Fatalf("PullState: %v", err)
	}
	if _, err := svc.Session(); err == nil {
		t.Fatal("a session on a live key was built")
	} else if e, ok := model.AsError(err); !ok || e.Code != model.CodeLivemodeKey {
		t.Fatalf("Session: %v, want %s", err, model.CodeLivemodeKey)
	}
}

// Offline, each guest gets their own workspace and emulator; the service's
// own session is untouched.
func TestGuestsAreIsolated(t *testing.T) {
	svc := New(Config{Backend: BackendConfig{Offline: true}, StateDir: t.TempDir()})
	if _, _, err := svc.Guest("a", "a"); err == nil {
		t.Fatal("a guest before OpenGuests")
	}
	if err := svc.OpenGuests(); err != nil {
		t.Fatal(err)
	}
	a, releaseA, err := svc.Guest("SHA256:a", "a")
	if err != nil {
		t.Fatal(err)
	}
	defer releaseA()
	b, releaseB, err := svc.Guest("SHA256:b", "b")
	if err != nil {
		t.Fatal(err)
	}
	defer releaseB()
	if a.WorkspaceName() != GuestWorkspace("SHA256:a") || b.WorkspaceName() == a.WorkspaceName() {
		t.Fatalf("workspaces %q and %q", a.WorkspaceName(), b.WorkspaceName())
	}
	rec, err := a.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Fetch(t.Context(), rec.ID); err == nil {
		t.Fatalf("guest b retrieved guest a's %s", rec.ID)
	}
	if _, ok, _ := b.Token(rec.ID); ok {
		t.Fatalf("guest b's workspace holds %s", rec.ID)
	}
}

// Remove forgets the tokens it is given, or none of them when one is not
// in the workspace.
func TestRemove(t *testing.T) {
	s := newSession(t, t.TempDir())
	a, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	var missing *NotInStateError
	if err := s.Remove(t.Context(), []string{a.ID, "tok_nothere"}); !errors.As(err, &missing) || missing.ID != "tok_nothere" {
		t.Fatalf("Remove with an unknown id: %v", err)
	}
	if _, ok, _ := s.Token(a.ID); !ok {
		t.Fatal("a failed Remove removed a token")
	}
	if err := s.Remove(t.Context(), []string{a.ID}); err != nil {
		t.Fatal(err)
	}
	if tokens, err := s.Tokens(); err != nil || len(tokens) != 0 {
		t.Fatalf("after Remove: %v, %v", tokens, err)
	}
}
