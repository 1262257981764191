package service

import (
	"context"
	"errors"
	"testing"

	"github.com/tokenscope/tokenscope/scenario"
)

// An apply killed between a create's answer and the state write leaves a
// pending create for its block. The next apply plans that block as a
// create (the state names no token for it yet), and its first write sends
// the pending create again, recording the token it made under the block:
// the block's create then takes that token instead of making a second
// one, so each block has one token and none is left over unused.
func TestApplyTakesTheTokenItsPendingCreateRecovered(t *testing.T) {
	const src = `token "first" {
  card {
    preset = "visa"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}
token "second" {
  card {
    preset = "mastercard"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}
`
	dir := t.TempDir()
	s := newCrashSession(t, dir)
	f := parseScenario(t, src)
	second := f.Tokens[1]

	// The killed apply: the API made the second block's token, the state
	// holds only the write-ahead record of it.
	s.lose.Store(true)
	var ua *UnansweredError
	if _, err := s.Create(context.Background(), second.Request, f.Key(second.Name)); !errors.As(err, &ua) {
		t.Fatalf("create without an answer: %v", err)
	}
	s.lose.Store(false)

	// The next apply, in a new process.
	next := &Session{api: s.api, store: s.store}
	p := planFor(t, next, f, scenario.PlanOptions{})
	if add, _, _ := p.Counts(); add != 4 {
		t.Fatalf("plan adds %d, want 4 (2 tokens, 2 charges)", add)
	}
	if r := next.Apply(context.Background(), p, nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	w := workspace(t, next)
	if len(w.Tokens) != 2 || len(w.Pending) != 0 {
		t.Fatalf("%d tokens, %d pending after the apply, want 2 and 0", len(w.Tokens), len(w.Pending))
	}
	for _, rec := range w.Tokens {
		if !rec.Used || w.Scenarios[rec.Scenario] != rec.ID {
			t.Errorf("token %s (block %q, used %v) is not its block's used token: %v", rec.ID, rec.Scenario, rec.Used, w.Scenarios)
		}
	}
	if add, change, destroy := planFor(t, next, f, scenario.PlanOptions{}).Counts(); add+change+destroy != 0 {
		t.Errorf("the plan after: %d/%d/%d", add, change, destroy)
	}
}

// The same for a use: an apply killed between a charge's answer and the
// state write leaves the block's token unused in the state and a pending
// use. The next apply plans the use alone; its write sends the pending use
// again, which records the charge on the token, and the block's use then
// reports that charge instead of being refused as token_already_used.
func TestApplyTakesTheUseItsPendingUseRecovered(t *testing.T) {
	const src = `token "only" {
  card {
    preset = "insufficient_funds"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}
`
	dir := t.TempDir()
	s := newCrashSession(t, dir)
	f := parseScenario(t, src)
	tok := f.Tokens[0]
	rec, err := s.Create(context.Background(), tok.Request, f.Key(tok.Name))
	if err != nil {
		t.Fatal(err)
	}
	use := *tok.Use
	use.TokenID = rec.ID
	s.lose.Store(true)
	var ua *UnansweredError
	if _, _, err := s.Use(context.Background(), use); !errors.As(err, &ua) {
		t.Fatalf("use without an answer: %v", err)
	}
	s.lose.Store(false)

	next := &Session{api: s.api, store: s.store}
	p := planFor(t, next, f, scenario.PlanOptions{})
	r := next.Apply(context.Background(), p, nil)
	if len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	w := workspace(t, next)
	got, _ := w.Find(rec.ID)
	if len(w.Tokens) != 1 || len(got.Uses) != 1 || w.Scenarios[f.Key(tok.Name)] != rec.ID {
		t.Fatalf("%d tokens, uses %+v, linked %v", len(w.Tokens), got.Uses, w.Scenarios)
	}
	if add, change, destroy := planFor(t, next, f, scenario.PlanOptions{}).Counts(); add+change+destroy != 0 {
		t.Errorf("the plan after: %d/%d/%d", add, change, destroy)
	}
}
