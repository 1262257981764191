package service

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// A pending request left to the user (Unresolved) is not sent again, but
// the writes of a session say so, once: before, nothing but `list` ever
// named it, and a command could make tokens beside it for months.
func TestUnresolvedPendingToldOncePerSession(t *testing.T) {
	dir := t.TempDir()
	s := newCrashSession(t, dir)
	p := model.NewPendingCreate(testio.Preset(t, "visa"), "tokenscope-old-1", "", time.Now().Add(-48*time.Hour))
	p.Unresolved = "it is 48h old"
	if _, err := s.store.Update(t.Context(), "test", func(st *state.State) error {
		s.workspaceOf(st).AddPending(p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var told []Recovery
	s.notify = func(r Recovery) { told = append(told, r) }
	for range 2 {
		if _, err := s.Create(t.Context(), testio.Preset(t, "mastercard"), ""); err != nil {
			t.Fatal(err)
		}
	}
	if len(told) != 1 || !strings.Contains(told[0].Text(), "tokenscope-old-1") || !strings.Contains(told[0].Text(), "state rm") {
		t.Fatalf("told %d times: %+v", len(told), told)
	}
	if w := workspace(t, s.Session); len(w.Pending) != 1 {
		t.Errorf("the unresolved request was dropped: %+v", w.Pending)
	}
}
