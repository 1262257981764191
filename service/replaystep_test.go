package service

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
)

// An apply killed while its capture was in flight (the API carried it
// out, the state kept it pending) and applied again records one capture:
// the next apply sends the pending capture again with its key and
// records it, and its own capture step, which finds the charge captured,
// is that capture, not a second one. regress2#1: two capture steps, so
// `state export` wrote two capture blocks.
func TestApplyAfterKilledCaptureRecordsOneCapture(t *testing.T) {
	s := newCancelSession(t)
	f := parseScenario(t, `token "auth" {
  card {
    preset = "visa"
  }
  use "authorize" {
    amount   = 2000
    currency = "usd"
  }
  capture {
    amount = 1500
  }
}
`)
	// The first apply is cut off once the emulator has captured: its
	// answer is lost, as a kill -9 loses it.
	ctx, kill := context.WithCancel(t.Context())
	first := s.Apply(ctx, planFor(t, s.Session, f, scenario.PlanOptions{}), func(e model.ApplyEvent) {
		if e.Kind == model.ApplyStarted && strings.HasPrefix(e.Change.Address, "capture.") {
			s.mu.Lock()
			s.cancelNext = kill
			s.mu.Unlock()
		}
	})
	if len(first.Failed()) == 0 {
		t.Fatal("the cut-off apply succeeded")
	}
	if p := workspace(t, s.Session).Pending; len(p) != 1 || p[0].Op != model.PendingMove {
		t.Fatalf("pending after the cut-off capture = %+v, want the capture", p)
	}

	again := s.Apply(t.Context(), planFor(t, s.Session, f, scenario.PlanOptions{}), nil)
	if len(again.Failed()) != 0 {
		t.Fatal(again.Failed()[0].Err)
	}
	w := workspace(t, s.Session)
	if len(w.Pending) != 0 {
		t.Errorf("pending left: %+v", w.Pending)
	}
	rec, _ := w.Find(linked(t, s.Session)[f.Key("auth")])
	var captures int
	for _, st := range rec.Steps {
		if st.Kind == model.StepCapture {
			captures++
		}
	}
	if captures != 1 {
		t.Errorf("the token records %d capture steps, want 1: %+v", captures, rec.Steps)
	}
	if p := planFor(t, s.Session, f, scenario.PlanOptions{}); len(p.Changes) != 0 {
		t.Errorf("after the second apply the plan has %d changes, want none", len(p.Changes))
	}
}
