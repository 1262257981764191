package scenario

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/views"
)

// offlineSession is the offline emulator behind the real client, recording
// into a state in a temp dir: the whole path an apply takes.
func offlineSession(t *testing.T) *client.Session {
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
	return &client.Session{API: api, Store: store}
}

func planFor(t *testing.T, s *client.Session, f *File, opts PlanOptions) *Plan {
	t.Helper()
	ws, err := s.LoadWorkspace()
	if err != nil {
		t.Fatal(err)
	}
	p, err := MakePlan(f, ws, opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func linked(t *testing.T, s *client.Session) map[string]string {
	t.Helper()
	ws, err := s.LoadWorkspace()
	if err != nil {
		t.Fatal(err)
	}
	return ws.Scenarios
}

func TestApplyDeclinesPack(t *testing.T) {
	s := offlineSession(t)
	f, diags := Load("pack:declines")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p := planFor(t, s, f, PlanOptions{Target: s.API.Backend().Label()})
	if add, change, destroy := p.Counts(); add != 2*len(f.Tokens) || change != 0 || destroy != 0 {
		t.Fatalf("plan counts = %d/%d/%d, want %d to add", add, change, destroy, 2*len(f.Tokens))
	}
	var events []Event
	r := Apply(context.Background(), s, p, func(e Event) { events = append(events, e) })
	for _, row := range r.Failed() {
		t.Errorf("%s failed: %v", row.Name, row.Err)
	}
	var out bytes.Buffer
	r.Render(&out, 0)
	for i, row := range r.Rows {
		tok := f.Tokens[i]
		card, _ := model.CardByNumber(tok.Request.Card.Number)
		if row.Name != tok.Name || row.Status != StatusExpectedDecline || row.Codes != card.Outcome.Codes() {
			t.Errorf("row %s: status %q codes %q, want %q %q", row.Name, row.Status, row.Codes, StatusExpectedDecline, card.Outcome.Codes())
		}
		if !strings.HasPrefix(row.ObjectID, "ch_") {
			t.Errorf("row %s: no failed charge id (%q)", row.Name, row.ObjectID)
		}
		if !strings.Contains(out.String(), row.TokenID) {
			t.Errorf("summary lacks %s's token id", row.Name)
		}
	}
	if want := "Apply complete! Resources: 32 added, 0 changed, 0 destroyed."; len(f.Tokens) != 16 || !strings.Contains(out.String(), want) {
		t.Errorf("%d tokens; summary:\n%s\nwant %q", len(f.Tokens), out.String(), want)
	}
	if last := events[len(events)-1]; last.Done != last.Total || last.Total != len(p.Changes) {
		t.Errorf("last event %d/%d, want %d/%d", last.Done, last.Total, len(p.Changes), len(p.Changes))
	}
	if n := len(linked(t, s)); n != len(f.Tokens) {
		t.Errorf("state links %d scenario names, want %d", n, len(f.Tokens))
	}

	again := planFor(t, s, f, PlanOptions{})
	if len(again.Changes) != 0 || len(again.Unchanged) != len(f.Tokens) {
		t.Fatalf("second plan: %d changes, %d unchanged", len(again.Changes), len(again.Unchanged))
	}
	var text bytes.Buffer
	_ = views.WritePlan(&text, again.Plan)
	if !strings.HasPrefix(text.String(), "No changes.") {
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
	f := mustParse(t, twoTokens)
	if r := Apply(context.Background(), s, planFor(t, s, f, PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatalf("first apply failed: %v", r.Failed()[0].Err)
	}
	before := linked(t, s)

	if _, err := MakePlan(f, &state.Workspace{}, PlanOptions{Replace: []string{"c"}}); err == nil {
		t.Error("--replace of a name not in the file was accepted")
	}
	p := planFor(t, s, f, PlanOptions{Replace: []string{"a"}})
	if len(p.Steps) != 1 || p.Steps[0].Create.Action != model.ActionReplace || p.Steps[0].Replaces != before[f.Key("a")] {
		t.Fatalf("replace plan = %+v", p.Steps)
	}
	r := Apply(context.Background(), s, p, nil)
	if len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	after := linked(t, s)
	if after[f.Key("a")] == before[f.Key("a")] || after[f.Key("a")] != r.Rows[0].TokenID || after[f.Key("b")] != before[f.Key("b")] {
		t.Errorf("links before %v, after %v", before, after)
	}
	if all := planFor(t, s, f, PlanOptions{ReplaceAll: true}); len(all.Steps) != 2 {
		t.Errorf("--replace-all plans %d steps, want 2", len(all.Steps))
	}
}

func TestFailedStepKeepsTheOthers(t *testing.T) {
	s := offlineSession(t)
	f := mustParse(t, `
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
	r := Apply(context.Background(), s, planFor(t, s, f, PlanOptions{}), nil)
	failed := r.Failed()
	if len(failed) != 1 || failed[0].Name != "tiny" {
		t.Fatalf("failed rows = %+v", failed)
	}
	if e, ok := model.AsError(failed[0].Err); !ok || e.Code != "amount_too_small" {
		t.Errorf("tiny failed with %v, want amount_too_small", failed[0].Err)
	}
	if failed[0].TokenID == "" || failed[0].Outcome() != "failed" {
		t.Errorf("tiny row = %+v", failed[0])
	}
	links := linked(t, s)
	if links[f.Key("ok")] == "" || links[f.Key("bank")] == "" || links[f.Key("tiny")] != "" {
		t.Errorf("links = %v, want ok and bank kept, tiny unlinked", links)
	}
	var out bytes.Buffer
	r.Render(&out, 0)
	if strings.Contains(out.String(), "Apply complete!") || !strings.Contains(out.String(), "amount_too_small") {
		t.Errorf("summary of a failed apply:\n%s", out.String())
	}
	if again := planFor(t, s, f, PlanOptions{}); len(again.Steps) != 1 || again.Steps[0].Token.Name != "tiny" {
		t.Errorf("next plan = %d steps, want only tiny", len(again.Steps))
	}
}

func TestSummaryNarrowsToWidth(t *testing.T) {
	r := &Result{Rows: []Row{
		{Name: "insufficient_funds", TokenID: "tok_1QxYa1Bc2dE3fG4hI5jK6lM7", Use: model.UseCharge, Status: StatusExpectedDecline, Codes: "card_declined / insufficient_funds"},
		{Name: "fresh", TokenID: "tok_1QxYa1Bc2dE3fG4hI5jK6lM8"},
	}}
	var wide, narrow bytes.Buffer
	r.Render(&wide, 0)
	r.Render(&narrow, 78)
	if !strings.Contains(wide.String(), "tok_1QxYa1Bc2dE3fG4hI5jK6lM7  charge  declined as expected  card_declined / insufficient_funds") {
		t.Errorf("wide summary:\n%s", wide.String())
	}
	if widest(narrow.String()) > 78 || !strings.Contains(narrow.String(), "declined as expected: card_declined / insufficient_funds") {
		t.Errorf("narrow summary:\n%s", narrow.String())
	}
}
