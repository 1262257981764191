package service

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// A request left to the user is told in full once (README: "reported
// once"), by the command that finds it so; a later command, a new
// session, reminds of it in a line, without the steps again. Before,
// every command printed the whole paragraph.
func TestUnresolvedToldInFullOnceThenReminded(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir)
	old := model.NewPendingCreate(testio.Preset(t, "visa"), "tokenscope-old-2", "", time.Now().Add(-25*time.Hour))
	if _, err := s.store.Update(t.Context(), "seed", func(st *state.State) error {
		s.workspaceOf(st).AddPending(old)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	texts := func(s *Session) []string {
		var told []string
		s.notify = func(r Recovery) { told = append(told, r.Text()) }
		if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); err != nil {
			t.Fatal(err)
		}
		return told
	}
	first := texts(s)
	if len(first) != 1 || !strings.Contains(first[0], "It may have made something") || !strings.Contains(first[0], "state rm tokenscope-old-2") {
		t.Fatalf("first command: %q", first)
	}
	// The offline emulator has no Dashboard: its events name what it made.
	if strings.Contains(first[0], "Dashboard") || !strings.Contains(first[0], "tokenscope events") {
		t.Errorf("advice for the emulator: %q", first[0])
	}
	later := texts(&Session{api: s.api, store: s.store}) // the next command
	if len(later) != 1 || strings.Contains(later[0], "It may have made something") || !strings.Contains(later[0], "state rm tokenscope-old-2") {
		t.Errorf("later command: %q", later)
	}
	stripe := Recovery{Pending: model.Pending{Summary: "create card visa", Key: "k", Unresolved: "x"}, Backend: model.BackendStripeTest}
	if !strings.Contains(stripe.Text(), "Dashboard's request logs") {
		t.Errorf("advice for Stripe: %q", stripe.Text())
	}
}

// A refresh sends a pending request again once: its first hold sends it,
// its second (the one that records the tokens) does not, so an API that
// never answers costs one write timeout, not two.
func TestRefreshSendsPendingAgainOnce(t *testing.T) {
	s := newCrashSession(t, t.TempDir())
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); err != nil {
		t.Fatal(err)
	}
	s.lose.Store(true)
	if _, err := s.Create(t.Context(), testio.Preset(t, "mastercard"), ""); err == nil {
		t.Fatal("a create without an answer succeeded")
	}
	report, err := s.Refresh(t.Context(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	pending := workspace(t, s.Session).Pending
	if len(pending) != 1 || pending[0].Tries != 1 || len(report.Unsent) != 1 {
		t.Errorf("after one refresh: pending %+v, unsent %v", pending, report.Unsent)
	}
}
