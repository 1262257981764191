package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/flow"
)

// enter in a token's detail opens what it became: the charge that
// declined it, in an object pane (the fixture's charge is not in the
// emulator: the pane says so).
func TestEnterInDetailOpensWhatTheTokenBecame(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "j", "enter")
	if !a.pager.detail {
		t.Fatalf("enter did not open the detail:\n%s", a.View())
	}
	press(t, a, "enter")
	if _, ok := a.flow.(*flow.Object); !ok {
		t.Fatalf("enter in the detail opened %T, not an object pane:\n%s", a.flow, a.View())
	}
	if v := a.View(); !strings.Contains(v, "ch_3QxYg7HiJkLmNoPqRsTu") || !strings.Contains(v, "resource_missing") {
		t.Errorf("the pane does not show the charge read:\n%s", v)
	}
	press(t, a, "esc")
	if a.flow != nil || !a.pager.detail {
		t.Errorf("esc did not go back to the detail:\n%s", a.View())
	}
}

// With several objects (a PaymentIntent and its PaymentMethod), enter
// asks which in y's picker; enter there opens the one chosen.
func TestEnterInDetailPicksAmongSeveral(t *testing.T) {
	recs := fixtures(t)
	recs[0].Used = true
	recs[0].Uses = []model.Use{{Kind: model.UsePaymentIntent, ObjectID: "pi_3QxYg7HiJkLmNoPqRsTu", PaymentMethod: "pm_1QxYg7HiJkLmNoPqRsTu",
		Status: model.PIRequiresAction, Amount: 1000, Currency: "usd", At: clock.Add(-time.Minute)}}
	a := newApp(t, newSession(t, recs), 80, 24)
	press(t, a, "enter", "enter")
	if a.picker == nil || len(a.picker.ids) != 2 {
		t.Fatalf("no picker of the PaymentIntent and its PaymentMethod:\n%s", a.View())
	}
	if v := a.View(); !strings.Contains(v, "Open which?") || !strings.Contains(v, "enter open") {
		t.Errorf("the picker does not say it opens:\n%s", v)
	}
	press(t, a, "j", "enter")
	if a.picker != nil || a.flow == nil || !strings.Contains(a.View(), "pm_1QxYg7HiJkLmNoPqRsTu") {
		t.Fatalf("enter in the picker did not open the PaymentMethod:\n%s", a.View())
	}
}

// A token used by nothing yet: enter in its detail says so.
func TestEnterInDetailOfAnUnusedToken(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "enter", "enter")
	if a.flow != nil || a.picker != nil || !strings.Contains(a.status.text, "became nothing yet") {
		t.Errorf("enter on an unused token's detail: flow %T, status %q", a.flow, a.status.text)
	}
}

// i and a pasted PaymentIntent id in one read (a paste without bracketed
// paste) open its pane; a there completes the 3D Secure challenge, and
// the token that made it shows the new status; enter opens what the
// PaymentIntent names.
func TestRetrieveAnyIDInOneBurstThenAuthenticate(t *testing.T) {
	s := newSession(t, nil)
	pi, tok := payThreeDS(t, s)
	a := newApp(t, s, 80, 24)
	sendBurst(t, a, runes("i"+pi))
	press(t, a, "enter")
	if v := a.View(); !strings.Contains(v, "PaymentIntent "+pi) || !strings.Contains(v, "a pass 3DS") {
		t.Fatalf("i %s did not open its pane waiting for 3D Secure:\n%s", pi, v)
	}
	press(t, a, "a")
	if v := a.View(); !strings.Contains(v, "3D Secure answered: succeeded") {
		t.Fatalf("a did not complete the challenge:\n%s", v)
	}
	if r := a.list.find(tok); r == nil || len(r.Uses) == 0 || r.Uses[0].Status != "succeeded" {
		t.Errorf("the token's use did not move on: %+v", r)
	}
	// enter there: its PaymentMethod or its charge, one step away.
	press(t, a, "enter")
	if a.picker == nil || len(a.picker.ids) != 2 || a.picker.ids[1].Label != "latest_charge" {
		t.Fatalf("enter in the PaymentIntent's pane offers no PaymentMethod and charge:\n%s", a.View())
	}
	press(t, a, "j", "enter")
	if v := a.View(); !strings.Contains(v, "charge ch_") || !strings.Contains(v, "succeeded") {
		t.Errorf("the charge's pane did not open:\n%s", v)
	}
}

// payThreeDS pays a PaymentIntent with a 3D Secure card, as pack:3ds does.
func payThreeDS(t *testing.T, s *service.Session) (pi, tok string) {
	t.Helper()
	req, err := model.FromPresetAt("threeds_always", clock)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(context.Background(), model.UseRequest{TokenID: rec.ID, Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	return use.ObjectID, rec.ID
}
