package ui

import (
	"strings"
	"testing"
)

// esc from an object pane opened from another goes back to that pane,
// one level at a time, as k9s and lazygit do: token detail, its charge,
// the charge's dispute; esc, the charge again; esc, the detail. It went
// from the dispute straight back to the detail.
func TestEscFromAnObjectPaneGoesBackOneLevel(t *testing.T) {
	s := newSession(t, nil)
	_, use := chargeOn(t, s, "dispute_fraudulent")
	a := newApp(t, s, 80, 24)
	t.Cleanup(a.cancel)
	_, _ = a.Update(a.loadCmd()())
	l := newLoop(t, a)
	l.send(keyMsg("enter")) // the token's detail
	l.send(keyMsg("enter")) // what it became: its charge
	l.until("the charge's pane", func() bool { return strings.Contains(a.View(), "charge "+use.ObjectID) }, nil, nil)
	l.until("its dispute", func() bool { return strings.Contains(a.View(), "du_") }, nil, nil)
	l.send(keyMsg("enter")) // the charge's dispute
	l.until("the dispute's pane", func() bool { return strings.HasPrefix(strings.Split(a.View(), "\n")[1], " dispute du_") }, nil, nil)
	l.send(keyMsg("esc"))
	l.until("the charge's pane again", func() bool { return strings.Contains(a.View(), "charge "+use.ObjectID) }, nil, nil)
	if a.flow == nil {
		t.Fatal("esc from the dispute closed every pane")
	}
	l.send(keyMsg("esc"))
	l.until("the token's detail", func() bool { return a.flow == nil }, nil, nil)
	if a.mode != modePager || !a.pager.detail {
		t.Errorf("esc from the charge is not the token's detail:\n%s", a.View())
	}
}

// From the events view's object pane, enter opens what the object names
// over the view; esc comes back to the view, still live.
func TestEscFromAPaneOpenedInTheEventsView(t *testing.T) {
	s := newSession(t, nil)
	_, use := chargeOn(t, s, "dispute_fraudulent")
	a := newApp(t, s, 80, 24)
	t.Cleanup(a.cancel)
	l := newLoop(t, a)
	l.send(keyMsg("E"))
	l.until("the events", func() bool { return strings.Contains(a.View(), "charge.dispute.created") }, nil, nil)
	l.send(keyMsg("/"))
	for _, k := range "charge.succ" {
		l.send(keyMsg(string(k)))
	}
	l.send(keyMsg("enter"))
	l.send(keyMsg("enter")) // the event
	l.send(keyMsg("enter")) // its charge
	l.until("the charge's pane", func() bool { return strings.Contains(a.View(), "dispute_status") }, nil, nil)
	l.send(keyMsg("enter")) // the dispute
	l.until("the dispute's pane", func() bool { return strings.HasPrefix(strings.Split(a.View(), "\n")[1], " dispute du_") }, nil, nil)
	l.send(keyMsg("esc"))
	l.until("the charge's pane again", func() bool { return strings.Contains(a.View(), "charge "+use.ObjectID) }, nil, nil)
	l.send(keyMsg("esc"))
	l.until("the event of the charge", func() bool { return strings.Contains(a.View(), "Event evt_") }, nil, nil)
	_, other := chargeOn(t, s, "visa")
	l.send(keyMsg("esc"))
	l.send(keyMsg("esc")) // the filter
	l.until("an event made meanwhile", func() bool { return strings.Contains(a.View(), other.ObjectID) }, nil, nil)
}
