package service

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/scenario"
)

const twoChargedRefunded = `token "a" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
  refund { amount = 100 }
  refund {}
}
token "b" {
  card { preset = "mastercard" }
  use "charge" { amount = 2000 }
  refund {}
}
`

// Two applies of one file on one state dir, both planned before either
// ran (two support engineers, or the TUI and a script): the second waits
// for the first's state lock, which is held for the whole apply, then
// makes its plan again and finds the work done. Each block gets one
// token, one charge and its refunds, not two. The order is forced with
// the lock itself: the first apply is stopped inside its first create
// until the second is seen waiting for the lock.
func TestConcurrentAppliesMakeOneSetOfObjects(t *testing.T) {
	dir := t.TempDir()
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	api, err := client.New(client.Config{Handler: emu})
	if err != nil {
		t.Fatal(err)
	}
	inFirst, letFirstGo := make(chan struct{}), make(chan struct{})
	var once sync.Once
	firstAPI := apiHook{API: api, before: func() {
		once.Do(func() { close(inFirst); <-letFirstGo })
	}}
	storeA, _ := state.Open(state.Options{Dir: dir})
	waiting := make(chan model.LockHolder, 1)
	storeB, _ := state.Open(state.Options{Dir: dir})
	a := &Session{api: firstAPI, store: storeA}
	b := &Session{api: api, store: storeB}

	f := parseScenario(t, twoChargedRefunded)
	pa, pb := planFor(t, a, f, scenario.PlanOptions{}), planFor(t, b, f, scenario.PlanOptions{})
	if add, _, _ := pb.Counts(); add != 7 {
		t.Fatalf("the second plan adds %d, want 7 (2 tokens, 2 charges, 3 refunds)", add)
	}

	results := make(chan *model.ApplyResult, 2)
	go func() { results <- a.Apply(context.Background(), pa, nil) }()
	<-inFirst
	told := OnLockWait(context.Background(), func(holder model.LockHolder) { waiting <- holder })
	go func() { results <- b.Apply(told, pb, nil) }()
	if holder := <-waiting; holder.Operation != "apply scenario.hcl" || holder.Since.IsZero() {
		t.Errorf("the second apply waited on a lock held by %+v, want the first apply", holder)
	}
	close(letFirstGo)
	var added int
	for range 2 {
		r := <-results
		for _, row := range r.Failed() {
			t.Errorf("%s: %v", row.Name, row.Err)
		}
		add, _, _ := r.Counts()
		added += add
	}
	if added != 7 {
		t.Errorf("the two applies added %d, want 7 between them", added)
	}

	w := workspace(t, a)
	if len(w.Tokens) != 2 {
		t.Errorf("%d tokens in the state, want 2", len(w.Tokens))
	}
	counts := map[string]int{}
	for _, ev := range eventsOf(t, b) {
		counts[ev]++
	}
	if counts["charge.succeeded"] != 2 || counts["refund.created"] != 3 {
		t.Errorf("events %v, want 2 charges and 3 refunds", counts)
	}
	if add, _, _ := planFor(t, b, f, scenario.PlanOptions{}).Counts(); add != 0 {
		t.Errorf("the plan after both adds %d", add)
	}
}

func eventsOf(t *testing.T, s *Session) []string {
	t.Helper()
	evs, err := s.Events(t.Context(), EventFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, ev := range evs {
		types = append(types, ev.Type)
	}
	return types
}

// An apply makes its plan again under the lock and refuses, sending
// nothing, when that would do what the approved plan did not show: here
// a token forgotten (state rm) between the plan and the apply.
func TestApplyRefusesAStalePlan(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, twoChargedRefunded)
	if r := s.Apply(t.Context(), planFor(t, s, f, scenario.PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	shown := planFor(t, s, f, scenario.PlanOptions{}) // nothing to do
	if err := s.Remove(t.Context(), []string{linked(t, s)[f.Key("a")]}); err != nil {
		t.Fatal(err)
	}
	r := s.Apply(t.Context(), shown, nil)
	failed := r.Failed()
	if len(failed) == 0 {
		t.Fatal("a stale plan was applied")
	}
	if e, ok := model.AsError(failed[0].Err); !ok || e.Code != model.CodePlanStale || !strings.Contains(e.Message, "token.a would now be create") {
		t.Errorf("err = %v, want plan_stale naming token.a", failed[0].Err)
	}
	if n := len(workspace(t, s).Tokens); n != 1 {
		t.Errorf("%d tokens after a refused apply, want 1", n)
	}
}

// A plan made under the lock an apply runs in is taken as it is only
// while nothing is saved in between: a token forgotten under that same
// lock after the plan makes the apply plan again and refuse.
func TestApplyUnderItsPlansLockPlansAgainAfterASave(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, twoChargedRefunded)
	if r := s.Apply(t.Context(), planFor(t, s, f, scenario.PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	var r *model.ApplyResult
	err := s.Locked(t.Context(), "apply scenario.hcl", func(ctx context.Context) error {
		shown, err := s.Plan(ctx, f, scenario.PlanOptions{}) // nothing to do
		if err != nil {
			return err
		}
		if err := s.Remove(ctx, []string{linked(t, s)[f.Key("a")]}); err != nil {
			return err
		}
		r = s.Apply(ctx, shown, nil)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	failed := r.Failed()
	if len(failed) == 0 {
		t.Fatal("a plan made before a save under the same lock was applied as it was")
	}
	if e, ok := model.AsError(failed[0].Err); !ok || e.Code != model.CodePlanStale {
		t.Errorf("err = %v, want plan_stale", failed[0].Err)
	}
}
