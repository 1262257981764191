package scenario

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// interrupted seeds the state as an apply killed between a token's create
// and its use leaves it: the token recorded and linked, no Use on it.
func interrupted(t *testing.T, f *File, name string) (*client.Session, string) {
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
	f, diags := Load("pack:declines")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	s, id := interrupted(t, f, "threeds_always")
	only := &File{Name: f.Name, Source: f.Source}
	tok, _ := f.Token("threeds_always")
	only.Tokens = []Token{tok}

	p := planFor(t, s, only, PlanOptions{})
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

	var events []Event
	r := Apply(context.Background(), s, p, func(e Event) { events = append(events, e) })
	if len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	if row := r.Rows[0]; row.TokenID != id || row.Status != StatusExpectedDecline {
		t.Errorf("row = %+v, want the existing %s declined as expected", row, id)
	}
	if last := events[len(events)-1]; last.Done != 1 || last.Total != 1 {
		t.Errorf("last event %d/%d, want 1/1", last.Done, last.Total)
	}
	ws, _ := s.LoadWorkspace()
	if rec, _ := ws.Find(id); len(rec.Uses) != 1 {
		t.Errorf("the token's uses = %+v, want the charge", rec.Uses)
	}
	if again := planFor(t, s, only, PlanOptions{}); len(again.Changes) != 0 {
		t.Errorf("after the use, plan has %d changes", len(again.Changes))
	}
}

// A token a refresh shows used, with no use recorded, was consumed
// elsewhere (or its use's answer was lost): its use step cannot run again,
// so the token is replaced.
func TestUsedTokenWithoutUseIsReplaced(t *testing.T) {
	f := mustParse(t, twoTokens)
	s, id := interrupted(t, f, "a")
	if _, err := s.API.Use(context.Background(), model.UseRequest{Kind: model.UseCharge, TokenID: id, Amount: 1000, Currency: "usd"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Fetch(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	p := planFor(t, s, f, PlanOptions{})
	if len(p.Steps) != 2 || p.Steps[0].Create.Action != model.ActionReplace || p.Steps[0].Replaces != id || p.Steps[0].Use == nil {
		t.Fatalf("plan steps = %+v, want a replaced, then b created", p.Steps)
	}
}
