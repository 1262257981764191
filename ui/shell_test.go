package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/flow"
)

// esc from the JSON opened over the detail returns to the detail.
func TestEscFromJSONReturnsToTheDetail(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "enter", "J", "esc")
	if a.mode != modePager || !a.pager.detail {
		t.Fatalf("esc from JSON did not return to the detail:\n%s", a.View())
	}
	if v := a.View(); !strings.Contains(v, "u use") || !strings.Contains(v, "y copy id") {
		t.Errorf("the detail's footer hides its keys:\n%s", v)
	}
	press(t, a, "esc")
	if a.mode != modeList {
		t.Fatal("esc from the detail did not return to the list")
	}
}

// An active filter stays in sight under a status line, and a token made
// while it hides it clears it (and says so).
func TestFilterInSightAndClearedForANewToken(t *testing.T) {
	recs := fixtures(t)
	a := newApp(t, newSession(t, recs[1:]), 80, 24)
	press(t, a, "/", "b", "a", "n", "k", "enter")
	a.setStatus("something happened")
	if v := a.View(); !strings.Contains(v, "/ filter: bank") || !strings.Contains(v, "1 of 2") {
		t.Fatalf("the filter is not in sight:\n%s", v)
	}
	a.Update(flow.DoneMsg{Record: &recs[0], Status: "created " + recs[0].ID})
	if a.list.query != "" || a.list.selectedID() != recs[0].ID || !strings.Contains(a.status.text, "filter cleared") {
		t.Fatalf("the new token is hidden by the filter (query %q, selected %s, status %q)", a.list.query, a.list.selectedID(), a.status.text)
	}
}

// The refresh report ends with its summary; the status line does not say
// it again under it. While filtering, the footer offers the arrows, not
// k and j, which type.
func TestRefreshSummaryOnceAndFilterFooter(t *testing.T) {
	a := newApp(t, driftSession(t), 80, 24)
	press(t, a, "R")
	if n := strings.Count(a.View(), "Refresh: "); n != 1 {
		t.Errorf("the refresh summary shows %d times:\n%s", n, a.View())
	}
	press(t, a, "esc", "/")
	if v := a.View(); strings.Contains(v, "↑/k") || strings.Contains(v, "↓/j") {
		t.Errorf("the filter's footer offers k or j:\n%s", v)
	}
}

// u offers only the uses of the token's kind, from the registry: a bank
// account is attached to a customer, never charged; a PII token is only
// an account's id number.
func TestUseOffersTheKindsUses(t *testing.T) {
	s := newSession(t, nil)
	spec, _ := model.SpecOf(model.KindPII)
	p, _ := spec.Create.Preset("id_match")
	if _, err := s.Create(context.Background(), p.Request(clock), ""); err != nil {
		t.Fatal(err)
	}
	a := newApp(t, s, 80, 24)
	press(t, a, "u")
	if v := a.View(); a.flow == nil || strings.Contains(v, "charge it") || !strings.Contains(v, "id number of an account") {
		t.Fatalf("u on a PII token:\n%s", v)
	}
	b := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, b, "G", "u")
	if v := b.View(); b.flow == nil || strings.Contains(v, "charge it") || !strings.Contains(v, "attach to a new customer") {
		t.Fatalf("u on a bank token offers a charge:\n%s", v)
	}
}

// A flow's keys are said once, in the footer: the scenario plan and the
// create error do not repeat them above it.
func TestFlowKeysSaidOnce(t *testing.T) {
	a := newApp(t, newSession(t, nil), 80, 24)
	press(t, a, planKeys("pack:declines")...)
	if v := a.View(); strings.Count(v, "esc back") != 1 || strings.Count(v, "enter apply") != 1 {
		t.Errorf("the scenario plan says its keys twice:\n%s", v)
	}
	b := newApp(t, refusingSession(t), 80, 24)
	press(t, b, "n", "enter", "enter", "enter")
	if v := b.View(); strings.Count(v, "back to the form") != 1 {
		t.Errorf("the create error says its keys twice:\n%s", v)
	}
}
