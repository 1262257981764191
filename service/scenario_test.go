package service

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/views"
)

// offlineSession is the offline emulator behind the real client, recording
// into a state in a temp dir: the whole path an apply takes.
func offlineSession(t *testing.T) *Session {
	t.Helper()
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	api, err := client.New(client.Config{Handler: emu})
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return &Session{api: api, store: store}
}

func parseScenario(t *testing.T, src string) *scenario.File {
	t.Helper()
	f, diags := scenario.Parse("scenario.hcl", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return f
}

func planFor(t *testing.T, s *Session, f *scenario.File, opts scenario.PlanOptions) *scenario.Plan {
	t.Helper()
	p, err := s.Plan(f, opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func linked(t *testing.T, s *Session) map[string]string {
	t.Helper()
	ws, err := s.loadWorkspace()
	if err != nil {
		t.Fatal(err)
	}
	return ws.Scenarios
}

// An applied block's digest is on its record, and no secret of the block
// reaches state.json.
func TestApplyRecordsDigest(t *testing.T) {
	src := `token "c" {
  card {
    number    = "4000000000009987"
    cvc       = "314"
    exp_month = 12
    exp_year  = 2034
  }
}
`
	a := parseScenario(t, src).Tokens[0].Digest

	s := offlineSession(t)
	dir := t.TempDir()
	store, _ := state.Open(state.Options{Dir: dir})
	s.store = store
	f := parseScenario(t, src)
	if r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	ws, _ := s.loadWorkspace()
	if rec, _ := ws.Find(linked(t, s)[f.Key("c")]); rec.ScenarioDigest != a {
		t.Errorf("record digest %q, want %q", rec.ScenarioDigest, a)
	}
	data, err := os.ReadFile(filepath.Join(dir, "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("4000000000009987")) || bytes.Contains(data, []byte(`"314"`)) {
		t.Error("state.json holds the card number or the CVC")
	}
}

func TestApplyDeclinesPack(t *testing.T) {
	s := offlineSession(t)
	f, diags := scenario.Load("pack:declines")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p := planFor(t, s, f, scenario.PlanOptions{})
	if add, change, destroy := p.Counts(); add != 2*len(f.Tokens) || change != 0 || destroy != 0 {
		t.Fatalf("plan counts = %d/%d/%d, want %d to add", add, change, destroy, 2*len(f.Tokens))
	}
	var events []model.ApplyEvent
	r := s.Apply(context.Background(), p, func(e model.ApplyEvent) { events = append(events, e) })
	for _, row := range r.Failed() {
		t.Errorf("%s failed: %v", row.Name, row.Err)
	}
	var out bytes.Buffer
	_ = views.WriteApplySummary(&out, r, 0)
	for i, row := range r.Rows {
		tok := f.Tokens[i]
		card, _ := model.CardByNumber(tok.Request.Card.Number)
		if row.Name != tok.Name || row.Status != model.StatusExpectedDecline || row.Codes != card.Outcome.Codes() {
			t.Errorf("row %s: status %q codes %q, want %q %q", row.Name, row.Status, row.Codes, model.StatusExpectedDecline, card.Outcome.Codes())
		}
		if !strings.HasPrefix(row.ObjectID, "ch_") {
			t.Errorf("row %s: no failed charge id (%q)", row.Name, row.ObjectID)
		}
		if !strings.Contains(out.String(), row.TokenID) {
			t.Errorf("summary lacks %s's token id", row.Name)
		}
	}
	if want := "Apply complete! Resources: 44 added, 0 changed, 0 destroyed."; len(f.Tokens) != 22 || !strings.Contains(out.String(), want) {
		t.Errorf("%d tokens; summary:\n%s\nwant %q", len(f.Tokens), out.String(), want)
	}
	if last := events[len(events)-1]; last.Done != last.Total || last.Total != len(p.Changes) {
		t.Errorf("last event %d/%d, want %d/%d", last.Done, last.Total, len(p.Changes), len(p.Changes))
	}
	if n := len(linked(t, s)); n != len(f.Tokens) {
		t.Errorf("state links %d scenario names, want %d", n, len(f.Tokens))
	}

	again := planFor(t, s, f, scenario.PlanOptions{})
	if len(again.Changes) != 0 || len(again.Unchanged) != len(f.Tokens) {
		t.Fatalf("second plan: %d changes, %d unchanged", len(again.Changes), len(again.Unchanged))
	}
	var text bytes.Buffer
	_ = views.WritePlan(&text, again.Plan)
	if !strings.HasPrefix(text.String(), "# "+f.About+"\n\nNo changes.") {
		t.Errorf("second plan renders %q", text.String())
	}
}

const twoTokens = `
token "a" {
  card { preset = "visa" }
  use "charge" {
    amount = 1000
  }
}
token "b" {
  bank_account { preset = "bank_ok" }
  use "customer" {}
}
`

func TestReplaceMakesOneFreshToken(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, twoTokens)
	if r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatalf("first apply failed: %v", r.Failed()[0].Err)
	}
	before := linked(t, s)

	var unknown *scenario.ReplaceError
	if _, err := s.Plan(f, scenario.PlanOptions{Replace: []string{"c"}}); !errors.As(err, &unknown) {
		t.Errorf("--replace of a name not in the file: %v", err)
	}
	p := planFor(t, s, f, scenario.PlanOptions{Replace: []string{"a"}})
	if len(p.Steps) != 1 || p.Steps[0].Create.Action != model.ActionReplace || p.Steps[0].Replaces != before[f.Key("a")] {
		t.Fatalf("replace plan = %+v", p.Steps)
	}
	r := s.Apply(context.Background(), p, nil)
	if len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	after := linked(t, s)
	if after[f.Key("a")] == before[f.Key("a")] || after[f.Key("a")] != r.Rows[0].TokenID || after[f.Key("b")] != before[f.Key("b")] {
		t.Errorf("links before %v, after %v", before, after)
	}
	if all := planFor(t, s, f, scenario.PlanOptions{ReplaceAll: true}); len(all.Steps) != 2 {
		t.Errorf("--replace-all plans %d steps, want 2", len(all.Steps))
	}
}

func TestFailedStepKeepsTheOthers(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, `
token "ok" {
  card { preset = "visa" }
  use "charge" {
    amount = 1000
  }
}
token "tiny" {
  card { preset = "visa" }
  use "charge" {
    amount   = 10
    currency = "usd"
  }
}
token "bank" {
  bank_account { preset = "bank_ok" }
  use "customer" {}
}
`)
	r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil)
	failed := r.Failed()
	if len(failed) != 1 || failed[0].Name != "tiny" {
		t.Fatalf("failed rows = %+v", failed)
	}
	if e, ok := model.AsError(failed[0].Err); !ok || e.Code != "amount_too_small" {
		t.Errorf("tiny failed with %v, want amount_too_small", failed[0].Err)
	}
	if failed[0].TokenID == "" || views.ApplyOutcome(failed[0]) != "failed" {
		t.Errorf("tiny row = %+v", failed[0])
	}
	links := linked(t, s)
	if links[f.Key("ok")] == "" || links[f.Key("bank")] == "" || links[f.Key("tiny")] != "" {
		t.Errorf("links = %v, want ok and bank kept, tiny unlinked", links)
	}
	var out bytes.Buffer
	_ = views.WriteApplySummary(&out, r, 0)
	if strings.Contains(out.String(), "Apply complete!") || !strings.Contains(out.String(), "amount_too_small") {
		t.Errorf("summary of a failed apply:\n%s", out.String())
	}
	if again := planFor(t, s, f, scenario.PlanOptions{}); len(again.Steps) != 1 || again.Steps[0].Token.Name != "tiny" {
		t.Errorf("next plan = %d steps, want only tiny", len(again.Steps))
	}
}

const lostCard = `
token "x" {
  card {
    preset = "lost_card"
  }
  use "charge" {
    amount = 1000
  }
}
`

// Changing a block replaces its token: the plan says what changed.
func TestChangedBlockIsReplaced(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, lostCard)
	if r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	old := linked(t, s)[f.Key("x")]
	changed := parseScenario(t, strings.Replace(lostCard, "lost_card", "stolen_card", 1))
	p := planFor(t, s, changed, scenario.PlanOptions{})
	var text bytes.Buffer
	_ = views.WritePlan(&text, p.Plan)
	for _, want := range []string{
		"# token.x must be replaced: its block changed since it was applied",
		`-/+ token "x" {`,
		`~ preset      = "lost_card" -> "stolen_card"   (forces replacement)`,
		"# charge.x will be created",
		"Plan: 2 to add, 0 to change, 1 to destroy.",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, text.String())
		}
	}
	if len(p.Steps) != 1 || p.Steps[0].Replaces != old {
		t.Fatalf("steps = %+v, want x replacing %s", p.Steps, old)
	}
	if r := s.Apply(context.Background(), p, nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	if again := planFor(t, s, changed, scenario.PlanOptions{}); len(again.Changes) != 0 {
		t.Errorf("after the replacement, plan has %d changes", len(again.Changes))
	}
	// A change a preset does not show (the amount) still replaces, with
	// the reason in the header.
	more := parseScenario(t, strings.Replace(strings.Replace(lostCard, "lost_card", "stolen_card", 1), "1000", "2000", 1))
	text.Reset()
	_ = views.WritePlan(&text, planFor(t, s, more, scenario.PlanOptions{}).Plan)
	if !strings.Contains(text.String(), "# token.x must be replaced: its block changed") || strings.Contains(text.String(), "~ preset") {
		t.Errorf("amount change plans:\n%s", text.String())
	}
}

// A record written before digests has none: it is not compared.
func TestRecordWithoutDigestIsUnchanged(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, `token "x" {
  card { preset = "visa" }
}
`)
	if _, err := s.Create(context.Background(), f.Tokens[0].Request, f.Key("x")); err != nil {
		t.Fatal(err)
	}
	changed := parseScenario(t, `token "x" {
  card { preset = "mastercard" }
}
`)
	if p := planFor(t, s, changed, scenario.PlanOptions{}); len(p.Changes) != 0 {
		t.Errorf("a record without a digest plans %d changes", len(p.Changes))
	}
}

// interrupted seeds the state as an apply killed between a token's create
// and its use leaves it: the token recorded and linked, no Use on it.
func interrupted(t *testing.T, f *scenario.File, name string) (*Session, string) {
	t.Helper()
	s := offlineSession(t)
	tok, ok := f.Token(name)
	if !ok {
		t.Fatalf("%s has no token %q", f.Name, name)
	}
	rec, err := s.Create(context.Background(), tok.Request, f.Key(name))
	if err != nil {
		t.Fatal(err)
	}
	return s, rec.ID
}

func TestInterruptedApplyPlansTheUseAgain(t *testing.T) {
	f, diags := scenario.Load("pack:declines")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	s, id := interrupted(t, f, "threeds_always")
	only := &scenario.File{Name: f.Name, Source: f.Source}
	tok, _ := f.Token("threeds_always")
	only.Tokens = []scenario.Token{tok}

	p := planFor(t, s, only, scenario.PlanOptions{})
	var text bytes.Buffer
	_ = views.WritePlan(&text, p.Plan)
	if add, change, destroy := p.Counts(); add != 1 || change != 0 || destroy != 0 {
		t.Fatalf("plan counts %d/%d/%d, want 1 to add:\n%s", add, change, destroy, text.String())
	}
	for _, want := range []string{"# charge.threeds_always will be created", `source   = "` + id + `"`, "Plan: 1 to add, 0 to change, 0 to destroy."} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, text.String())
		}
	}
	if strings.Contains(text.String(), "token.threeds_always") {
		t.Errorf("plan creates the token again:\n%s", text.String())
	}

	var events []model.ApplyEvent
	r := s.Apply(context.Background(), p, func(e model.ApplyEvent) { events = append(events, e) })
	if len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	if row := r.Rows[0]; row.TokenID != id || row.Status != model.StatusExpectedDecline {
		t.Errorf("row = %+v, want the existing %s declined as expected", row, id)
	}
	if last := events[len(events)-1]; last.Done != 1 || last.Total != 1 {
		t.Errorf("last event %d/%d, want 1/1", last.Done, last.Total)
	}
	ws, _ := s.loadWorkspace()
	if rec, _ := ws.Find(id); len(rec.Uses) != 1 {
		t.Errorf("the token's uses = %+v, want the charge", rec.Uses)
	}
	if again := planFor(t, s, only, scenario.PlanOptions{}); len(again.Changes) != 0 {
		t.Errorf("after the use, plan has %d changes", len(again.Changes))
	}
}

// A token a refresh shows used, with no use recorded, was consumed
// elsewhere (or its use's answer was lost): its use step cannot run again,
// so the token is replaced.
func TestUsedTokenWithoutUseIsReplaced(t *testing.T) {
	f := parseScenario(t, twoTokens)
	s, id := interrupted(t, f, "a")
	if _, err := s.api.Use(context.Background(), model.UseRequest{Kind: model.UseCharge, TokenID: id, Amount: 1000, Currency: "usd"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Fetch(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	p := planFor(t, s, f, scenario.PlanOptions{})
	if len(p.Steps) != 2 || p.Steps[0].Create.Action != model.ActionReplace || p.Steps[0].Replaces != id || p.Steps[0].Use == nil {
		t.Fatalf("plan steps = %+v, want a replaced, then b created", p.Steps)
	}
}

// Two files that share a block name are two resources: applying one must
// not make the other's block "No changes".
func TestSameNameInTwoFilesIsTwoResources(t *testing.T) {
	s := offlineSession(t)
	banks, diags := scenario.Load("pack:banks")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if r := s.Apply(context.Background(), planFor(t, s, banks, scenario.PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatalf("pack:banks failed: %v", r.Failed()[0].Err)
	}
	path := filepath.Join(t.TempDir(), "s1.hcl")
	if err := os.WriteFile(path, []byte(`token "bank_ok" {
  bank_account { preset = "bank_ok" }
}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	s1, diags := scenario.Load(path)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p := planFor(t, s, s1, scenario.PlanOptions{})
	if len(p.Steps) != 1 || p.Changes[0].Address != "token.bank_ok" {
		t.Fatalf("s1's bank_ok after pack:banks: %d steps %+v, want token.bank_ok created", len(p.Steps), p.Changes)
	}
	if r := s.Apply(context.Background(), p, nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	links := linked(t, s)
	pack, file := links["pack:banks/bank_ok"], links[path+"/bank_ok"]
	if pack == "" || file == "" || pack == file {
		t.Errorf("links = %v, want pack:banks/bank_ok and %s/bank_ok, two tokens", links, path)
	}
	if again := planFor(t, s, s1, scenario.PlanOptions{}); len(again.Changes) != 0 {
		t.Errorf("s1 applied twice plans %d changes", len(again.Changes))
	}
}

// A declined customer is never made, so its line has no id: it shows the
// codes instead of an empty "[id=]".
func TestDeclinedCustomerLineShowsCode(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, `
token "lost" {
  card { preset = "lost_card" }
  use "customer" {}
}
`)
	var lines []string
	r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), func(e model.ApplyEvent) { lines = append(lines, views.ApplyStep(e).Text) })
	if len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	last := lines[len(lines)-1]
	if want := "customer.lost: Declined as expected after 0s [code=card_declined / lost_card]"; last != want {
		t.Errorf("line = %q, want %q", last, want)
	}
}
