package service

import (
	"context"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
)

// A write whose context is already cancelled (esc on a scenario apply: the
// apply unlinks the step it cut off) sends no pending request again: a
// replay that cannot be sent must not spend one of its tries, nor be
// reported as unanswered.
func TestCancelledWriteSpendsNoReplayTry(t *testing.T) {
	s := newCrashSession(t, t.TempDir())
	var told []Recovery
	s.notify = func(r Recovery) { told = append(told, r) }
	base, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	s.lose.Store(true)
	if _, err := s.Create(t.Context(), testio.Preset(t, "mastercard"), ""); err == nil {
		t.Fatal("the lost create was answered")
	}
	s.lose.Store(false)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_ = s.Remove(ctx, []string{base.ID})
	pending := workspace(t, s.Session).Pending
	if len(pending) != 1 || pending[0].Tries != 0 || len(told) != 0 {
		t.Fatalf("a cancelled write replayed: pending %+v, told %+v", pending, told)
	}
}
