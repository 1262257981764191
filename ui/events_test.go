package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// e opens the selected token's timeline: the charge it made, with the
// request that made it.
func TestEventsTimeline(t *testing.T) {
	s := newSession(t, nil)
	req, err := model.FromPreset("visa")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(context.Background(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	a := newApp(t, s, 160, 30)
	_, _ = a.Update(a.loadCmd()()) // the list, as Init loads it
	press(t, a, "e")
	view := a.View()
	for _, want := range []string{"Events of " + rec.ID, "charge.succeeded", use.ObjectID, use.RequestID} {
		if !strings.Contains(view, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, view)
		}
	}
	press(t, a, "esc")
	if strings.Contains(a.View(), "Events of") {
		t.Error("esc did not close the timeline")
	}
}
