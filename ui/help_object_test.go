package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// heldCharge is a charge authorized with capture=false on a new visa
// token: its b releases it.
func heldCharge(t *testing.T, s *service.Session) string {
	t.Helper()
	req, err := model.FromPreset("visa")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(context.Background(), model.UseRequest{TokenID: rec.ID, Kind: model.UseAuthorize, Amount: 1000, Currency: "usd"})
	if err != nil || use.ObjectID == "" {
		t.Fatalf("authorizing %s: %v", rec.ID, err)
	}
	return use.ObjectID
}

// bRow is b's row in the help: its key and what it does.
var bRow = regexp.MustCompile(`(?m) b +(\S[^\n]*?)(?: {3}|$)`)

// What ? says b does: for the object shown, what its pane offers (a held
// charge's b releases it, a paid one's refunds it); from the list, where
// no object is shown, both. The help opens over the pane, fits 80x24,
// and esc goes back to the pane.
func TestHelpSaysWhatBDoesForTheObjectShown(t *testing.T) {
	s := newSession(t, nil)
	held := heldCharge(t, s)
	_, paid := chargeOn(t, s, "visa")
	a := newApp(t, s, 80, 24)
	t.Cleanup(a.cancel)
	_, _ = a.Update(a.loadCmd()())
	l := newLoop(t, a)

	l.send(keyMsg("?"))
	if got := bRow.FindStringSubmatch(a.View()); got == nil || got[1] != "refund / release" {
		t.Errorf("from the list, b reads %q:\n%s", got, a.View())
	}
	l.send(keyMsg("esc"))

	for _, c := range []struct{ id, want string }{{held, "release"}, {paid.ObjectID, "refund"}} {
		l.send(keyMsg("i"))
		for _, k := range c.id {
			l.send(keyMsg(string(k)))
		}
		l.send(keyMsg("enter"))
		l.until("the pane of "+c.id, func() bool { return strings.Contains(a.View(), "b "+c.want) }, nil, nil)
		l.send(keyMsg("?"))
		v := a.View()
		if got := bRow.FindStringSubmatch(v); got == nil || got[1] != c.want {
			t.Errorf("over %s's pane, b reads %q, want %q:\n%s", c.id, got, c.want, v)
		}
		if a.pager.vp.TotalLineCount() > a.pager.vp.Height {
			t.Errorf("the help needs %d rows in a pager of %d:\n%s", a.pager.vp.TotalLineCount(), a.pager.vp.Height, v)
		}
		l.send(keyMsg("esc"))
		if v := a.View(); !strings.Contains(v, "charge "+c.id) || a.mode == modePager && a.pager.overFlow {
			t.Fatalf("esc from the help is not %s's pane:\n%s", c.id, v)
		}
		l.send(keyMsg("esc"))
	}
}
