package flow

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/views"
)

func TestScenarioAppliesDeclinesPack(t *testing.T) {
	pc, g := newContext(t, 120, 40, setup{held: true})
	r := start(t, NewScenario(pc), 120, 40)
	r.shows("› pack:3ds", "pack:declines", "one token per declining test card")
	r.keys(downTo("pack:declines")...)
	r.shows("tokenscope will perform the following actions:", "# token.generic_decline will be created", "Plan: 44 to add")
	r.keys("enter")
	s := r.shows("token.generic_decline: Creating...", "0/44 changes")
	if !s.inFlight {
		t.Error("the flow is not in flight while applying")
	}
	close(g.open)
	r.shows("Apply complete! Resources: 44 added, 0 changed, 0 destroyed.", "declined as expected: card_declined / insufficient_funds")
	r.keys("enter")
	s = r.until("done", func(s snapshot) bool { return s.done != nil })
	if s.done.Cancelled || !strings.HasPrefix(s.done.Status, "pack:declines: Apply complete!") {
		t.Errorf("done = %+v", s.done)
	}

	again := start(t, NewScenario(pc), 120, 40)
	again.keys(downTo("pack:declines")...)
	again.shows("No changes.", "22 tokens already in the state")
}

// R in the plan re-runs a scenario with fresh tokens, as apply
// --replace-all does: the plan shows each token replaced (-/+) before
// anything is sent, and R again goes back to the plan that keeps them.
func TestScenarioReplaceAllFromThePlan(t *testing.T) {
	pc, _ := newContext(t, 120, 40, setup{})
	tokens := func() []model.Record {
		t.Helper()
		recs, err := pc.Session.Tokens()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	r := start(t, NewScenario(pc), 120, 40)
	r.keys(downTo("pack:brands")...)
	r.shows("# token.visa will be created")
	r.keys("enter")
	r.shows("Apply complete!")
	r.keys("enter")
	r.until("done", func(s snapshot) bool { return s.done != nil })
	before := tokens()

	again := start(t, NewScenario(pc), 120, 40)
	again.keys(downTo("pack:brands")...)
	again.shows("No changes.")
	footer := func() string {
		again.h.mu.Lock() // the program updates the flow under it
		defer again.h.mu.Unlock()
		var b strings.Builder
		for _, k := range again.h.c.(*Scenario).ShortHelp() {
			b.WriteString(k.Help().Key + " " + k.Help().Desc + " · ")
		}
		return b.String()
	}
	if f := footer(); !strings.Contains(f, "R replace all") {
		t.Errorf("the footer of a plan with no changes does not offer R: %s", f)
	}
	again.keys("R")
	again.shows("# replace all (apply --replace-all)", "# token.visa must be replaced", "-/+ token \"visa\" {", "to add")
	if f := footer(); !strings.Contains(f, "R keep tokens") {
		t.Errorf("the footer of a replace-all plan does not say R keeps the tokens: %s", f)
	}
	again.keys("R")
	again.shows("No changes.")
	again.keys("R")
	again.shows("-/+ token \"visa\" {")
	again.keys("enter")
	again.shows("Apply complete!")
	after := tokens()
	if len(after) != 2*len(before) {
		t.Errorf("%d tokens after replacing all of %d, want fresh ones beside them", len(after), len(before))
	}
}

func TestScenarioFileWithTypoSendsNothing(t *testing.T) {
	dir := t.TempDir()
	src := "token \"x\" {\n  card {\n    prest = \"visa\"\n  }\n}\n"
	if err := os.WriteFile(dir+"/checkout.hcl", []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var hits atomic.Int64
	pc, _ := newContext(t, 80, 24, setup{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			next.ServeHTTP(w, r)
		})
	}})
	pc.ScenarioDir = "." // as the local TUI sets it
	r := start(t, NewScenario(pc), 80, 24)
	r.shows("checkout.hcl")
	r.keys(downTo("checkout.hcl")...) // the file, below the packs
	r.shows("! checkout.hcl:3,5-10: Unsupported argument", `Did you mean "preset"?`, "nothing was sent")
	r.keys("enter") // no plan: enter applies nothing
	r.keys("esc")
	r.shows("› checkout.hcl")
	if hits.Load() != 0 {
		t.Errorf("%d requests sent for a scenario with errors", hits.Load())
	}
}

// Without a ScenarioDir (tokenscope serve) the picker lists the packs only:
// an attendee never sees the files where the server was started.
func TestScenarioPickerWithoutDirListsPacksOnly(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/server-secret.hcl", []byte("token \"x\" {\n  card {\n    preset = \"visa\"\n  }\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewScenario(pc), 80, 24)
	s := r.shows("› pack:3ds", "pack:declines")
	if strings.Contains(s.view, "server-secret") || strings.Contains(s.view, "working directory") {
		t.Errorf("the picker shows the server's files:\n%s", s.view)
	}
	r.keys("up") // from the first entry to the last: a pack, not the file
	if s := r.shows("›"); strings.Contains(s.view, "server-secret") {
		t.Errorf("the file is listed below the packs:\n%s", s.view)
	}

	// A copy: the first program still reads pc while the test goes on.
	local := *pc
	local.ScenarioDir = dir
	with := start(t, NewScenario(&local), 200, 24) // wide: the temp dir's path is long
	with.shows("server-secret.hcl", "scenario file in "+filepath.Base(dir)+"/")
}

// The picker lists the scenario dir and a pick reads and plans its file in
// commands, not in Update: a file written after Update returned is the
// one that is planned.
func TestScenarioReadsFilesOffUpdate(t *testing.T) {
	dir := t.TempDir()
	one := "token \"a\" {\n  card {\n    preset = \"visa\"\n  }\n}\n"
	pc, _ := newContext(t, 80, 24, setup{})
	pc.ScenarioDir = dir
	s := NewScenario(pc).(*Scenario)
	list := s.Init()
	if err := os.WriteFile(filepath.Join(dir, "late.hcl"), []byte(one), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Update(list())
	if !strings.Contains(s.View(), "late.hcl") {
		t.Fatalf("a file written before the listing ran is not listed:\n%s", s.View())
	}

	for range len(s.entries) - 1 {
		s.Update(keyMsg("down"))
	}
	_, load := s.Update(keyMsg("enter"))
	if load == nil || s.plan != nil || !strings.Contains(s.View(), "reading "+filepath.Join(dir, "late.hcl")) {
		t.Fatalf("enter did not leave the read to a command:\n%s", s.View())
	}
	two := one + strings.Replace(one, `"a"`, `"b"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "late.hcl"), []byte(two), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Update(load())
	if s.plan == nil || len(s.plan.Changes) != 2 {
		t.Fatalf("the plan is not of the file as the command read it:\n%s", s.View())
	}
}

// A load the user backed out of does not land on the picker, nor on the
// load after it.
func TestScenarioDropsAnAbandonedLoad(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	s := NewScenario(pc).(*Scenario)
	_, first := s.Update(keyMsg("enter")) // pack:3ds
	s.Update(keyMsg("esc"))
	var second tea.Cmd
	for _, k := range downTo("pack:brands") {
		_, second = s.Update(keyMsg(k))
	}
	s.Update(first())
	if s.plan != nil {
		t.Fatalf("the abandoned load's plan was shown for %s", s.arg)
	}
	s.Update(second())
	if s.plan == nil || !strings.Contains(s.View(), "token.visa") {
		t.Fatalf("the second load is not shown:\n%s", s.View())
	}
}

// The apply's goroutine ends once its flow is gone, although nobody reads
// its events any more.
func TestRunApplyEndsOnceItsFlowIsGone(t *testing.T) {
	ctx, closeFlow := context.WithCancel(context.Background())
	events := make(chan tea.Msg) // the flow that read it is gone
	ended := make(chan struct{})
	go func() {
		runApply(ctx, events, 1, func(emit func(model.ApplyEvent)) *model.ApplyResult {
			for range 3 {
				emit(model.ApplyEvent{})
			}
			return &model.ApplyResult{}
		})
		close(ended)
	}()
	closeFlow()
	testio.Recv(t, ended, "the apply to end")
}

// Closing the flow mid-apply cancels the request in flight and the rest of
// the plan, and the command waiting for its next event returns.
func TestScenarioCloseCancelsTheApply(t *testing.T) {
	h := testio.HangOn(tokenCreates)
	pc, _ := newContext(t, 120, 40, setup{wrap: h.Wrap})
	s := NewScenario(pc).(*Scenario)
	var load tea.Cmd
	for _, k := range downTo("pack:brands") {
		_, load = s.Update(keyMsg(k))
	}
	s.Update(load())
	_, next := s.Update(keyMsg("enter"))
	if !s.InFlight() {
		t.Fatalf("the apply did not start:\n%s", s.View())
	}
	testio.Recv(t, h.Held, "the first create to reach the server")
	s.Close()
	testio.Recv(t, h.Freed, "the create to be cancelled")
	testio.Recv(t, testio.Run(next), "the wait for the next event to return")
	if what, sent := h.Sent(); sent {
		t.Errorf("%s was sent after the flow was closed", what)
	}
}

// At 80 columns the plan and the apply's step lines wrap at spaces under
// their text instead of being cut: every word of a long line is on screen.
func TestScenarioWrapsLongLinesAt80Columns(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	s := NewScenario(pc).(*Scenario)
	s.Update(s.load("pack:declines")())
	s.SetSize(80, 500) // tall enough to show the whole plan at once
	var b bytes.Buffer
	_ = views.WritePlan(&b, s.plan.Plan)
	wantWords(t, "plan", s.View(), strings.Split(b.String(), "\n"))
	if !hungUnder(s.View(), "(known after apply)", "insufficient_funds)") {
		t.Errorf("the expected outcome is not hung under the value of its line:\n%s", s.View())
	}

	s.step = scApply
	pc.Session.Apply(context.Background(), s.plan, func(e model.ApplyEvent) { s.addEvent(e) })
	s.refreshContent()
	var steps []string
	for _, l := range s.lines {
		steps = append(steps, l.Text)
	}
	wantWords(t, "apply", s.View(), steps)
}

// wantWords checks that no line of view is wider than 80 cells and that
// every word of the long lines shows.
func wantWords(t *testing.T, what, view string, lines []string) {
	t.Helper()
	for _, l := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("%s: a line of %d cells: %q", what, w, l)
		}
	}
	words := strings.Fields(view)
	seen := map[string]int{}
	for _, w := range words {
		seen[w]++
	}
	long := 0
	for _, l := range lines {
		if ansi.StringWidth(l) <= 76 {
			continue
		}
		long++
		for _, w := range strings.Fields(l) {
			if seen[w] == 0 {
				t.Errorf("%s: %q of %q is cut:\n%s", what, w, l, view)
				return
			}
		}
	}
	if long == 0 {
		t.Fatalf("%s: no line longer than the screen to check", what)
	}
}

// hungUnder: a line of view that ends in tail continues a line with value
// and starts in value's column.
func hungUnder(view, value, tail string) bool {
	lines := strings.Split(view, "\n")
	for i := 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " ")
		if strings.TrimLeft(l, " ") != tail {
			continue
		}
		col := strings.Index(lines[i-1], value)
		return col > 0 && ansi.StringWidth(lines[i-1][:col]) == len(l)-len(tail)
	}
	return false
}

// downTo are the keys that pick name in the scenario list, whose packs
// come first (scenario.Packs, sorted) and files after them: the tests
// hold when a pack is added.
func downTo(name string) []string {
	n := len(scenario.Packs())
	if i := slices.Index(scenario.Packs(), name); i >= 0 {
		n = i
	}
	return append(slices.Repeat([]string{"down"}, n), "enter")
}
