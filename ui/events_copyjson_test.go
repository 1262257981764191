package ui

import (
	"encoding/base64"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/service"
)

// lockedOut is the program's output, written by the copy's command in
// the loop's goroutine and read by the test.
type lockedOut struct {
	mu sync.Mutex
	b  strings.Builder
}

func (o *lockedOut) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.Write(p)
}

func (o *lockedOut) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.String()
}

// eventsApp is the app at w x h over s, its output in out, with E's
// events shown.
func eventsApp(t *testing.T, s *service.Session, w, h int, out *lockedOut, wait string) (*App, *loop) {
	t.Helper()
	a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Output: out, Width: w, Height: h}).(*App)
	a.settleDelay = 0
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	t.Cleanup(a.cancel) // the live read ends before the dir goes
	l := newLoop(t, a)
	l.send(keyMsg("E"))
	l.until("the events", func() bool { return strings.Contains(a.View(), wait) }, nil, nil)
	return a, l
}

// footerHas reports the footer offering key k (its help, "y copy id").
func footerHas(a *App, help string) bool { return strings.Contains(a.footer(), help) }

// y in the events list offers the selected event's ids in the shell's
// picker (the event, its charge, the card the charge names, the request)
// and enter copies the one chosen with OSC 52; in an open event, y offers
// that event's.
func TestEventsCopyAnEventsIDs(t *testing.T) {
	s := newSession(t, nil)
	_, older := chargeOn(t, s, "visa")
	_, newer := chargeOn(t, s, "mastercard")
	out := &lockedOut{}
	a, l := eventsApp(t, s, 80, 24, out, older.ObjectID)
	if !footerHas(a, "y copy id") || !footerHas(a, "J json") {
		t.Errorf("the list's footer does not offer y and J: %q", a.footer())
	}
	l.send(keyMsg("j")) // the older charge's event
	l.send(keyMsg("y"))
	v := a.View()
	for _, want := range []string{"Copy which id?", "event", "evt_", "charge", older.ObjectID, "card_", "request that caused it", older.RequestID, "enter copy"} {
		if !strings.Contains(v, want) {
			t.Errorf("the picker lacks %q:\n%s", want, v)
		}
	}
	if a.picker == nil || len(a.picker.ids) < 2 || a.picker.ids[1].Value != older.ObjectID || a.picker.ids[1].Value == newer.ObjectID {
		t.Fatalf("the picker does not offer the selected event's charge %s second:\n%s", older.ObjectID, v)
	}
	l.send(keyMsg("j"))
	l.send(keyMsg("enter"))
	l.until("the copy", func() bool { return strings.HasPrefix(a.status.text, "copied ") }, nil, nil)
	if want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(older.ObjectID)) + "\a"; !strings.Contains(out.String(), want) {
		t.Errorf("the charge's id was not copied: %q", out.String())
	}
	if a.picker != nil || !strings.Contains(a.View(), "Events of the workspace") {
		t.Fatalf("after the copy the events list is not back:\n%s", a.View())
	}

	l.send(keyMsg("enter")) // the older event, open
	l.send(keyMsg("y"))
	if v := a.View(); !strings.Contains(v, "Copy which id?") || !strings.Contains(v, older.RequestID) {
		t.Errorf("y in the open event offers no picker of its ids:\n%s", v)
	}
	l.send(keyMsg("esc"))
	if v := a.View(); a.picker != nil || !strings.Contains(v, "Event evt_") {
		t.Errorf("esc did not close the picker back to the event:\n%s", v)
	}
	if !footerHas(a, "y copy id") || !footerHas(a, "J json") || !footerHas(a, "esc back") {
		t.Errorf("the event's footer does not offer y, J and esc: %q", a.footer())
	}
}

// J shows the selected event as the API returned it in the shell's JSON
// pager, over the events view: esc goes back to the list, its selection
// where it was; from an open event, back to that event; y still copies.
func TestEventsJSONOverTheView(t *testing.T) {
	s := newSession(t, nil)
	_, older := chargeOn(t, s, "visa")
	_, newer := chargeOn(t, s, "mastercard")
	a, l := eventsApp(t, s, 80, 24, &lockedOut{}, older.ObjectID)
	l.send(keyMsg("j"))
	l.send(keyMsg("J"))
	v := a.View()
	for _, want := range []string{"JSON evt_", "(the API object as returned)", `"object": "event"`, `"object": "charge"`, `"id": "` + older.ObjectID + `"`} {
		if !strings.Contains(v, want) {
			t.Errorf("the JSON lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, newer.ObjectID) {
		t.Errorf("J shows the newer event, not the selected one:\n%s", v)
	}
	if f := a.footer(); !strings.Contains(f, "esc back") || !strings.Contains(f, "y copy id") || strings.Contains(f, "J json") {
		t.Errorf("the JSON's footer: %q", f)
	}
	l.send(keyMsg("y"))
	if !strings.Contains(a.View(), "Copy which id?") {
		t.Errorf("y in the event's JSON offers no picker:\n%s", a.View())
	}
	l.send(keyMsg("esc")) // the picker
	l.send(keyMsg("esc")) // the JSON
	v = a.View()
	if !strings.Contains(v, "Events of the workspace") || !strings.Contains(selectedRow(v), older.ObjectID) {
		t.Fatalf("esc from the JSON is not the list, selection kept:\n%s", v)
	}

	l.send(keyMsg("enter"))
	l.send(keyMsg("J"))
	if v := a.View(); !strings.Contains(v, `"id": "`+older.ObjectID+`"`) {
		t.Errorf("J in the open event does not show it:\n%s", v)
	}
	l.send(keyMsg("esc"))
	if v := a.View(); !strings.Contains(v, "Event evt_") || !strings.Contains(v, "deliveries") {
		t.Fatalf("esc from the JSON is not the event it was opened from:\n%s", v)
	}
	l.send(keyMsg("esc"))
	l.send(keyMsg("esc"))
	if a.flow != nil || a.mode != modeList {
		t.Fatalf("esc esc did not close the events view:\n%s", a.View())
	}
}

// y and J are offered, and answered, only where there is an event to
// copy or show: not in an empty list, where they do not start the type
// filter either; not while the filter is typed, where y types; not in
// the object pane opened from an event, whose keys are its own.
func TestEventsCopyJSONOnlyWhereTheyApply(t *testing.T) {
	t.Run("no events", func(t *testing.T) {
		a, l := eventsApp(t, newSession(t, nil), 80, 24, &lockedOut{}, "No events yet")
		if footerHas(a, "y copy id") || footerHas(a, "J json") {
			t.Errorf("an empty list offers y or J: %q", a.footer())
		}
		l.send(keyMsg("y"))
		l.send(keyMsg("J"))
		if v := a.View(); a.picker != nil || a.mode == modePager || strings.Contains(v, "/ type:") {
			t.Errorf("y or J in an empty list did something:\n%s", v)
		}
	})
	t.Run("typing", func(t *testing.T) {
		s := newSession(t, nil)
		_, use := chargeOn(t, s, "visa")
		a, l := eventsApp(t, s, 80, 24, &lockedOut{}, use.ObjectID)
		l.send(keyMsg("/"))
		if footerHas(a, "y copy id") || footerHas(a, "J json") {
			t.Errorf("the type filter's footer offers y or J: %q", a.footer())
		}
		l.send(keyMsg("y"))
		if v := a.View(); a.picker != nil || !strings.Contains(v, "/ type: y") {
			t.Errorf("y did not type into the filter:\n%s", v)
		}
	})
	t.Run("object pane", func(t *testing.T) {
		s := newSession(t, nil)
		_, use := chargeOn(t, s, "visa")
		a, l := eventsApp(t, s, 80, 24, &lockedOut{}, use.ObjectID)
		l.send(keyMsg("enter"))
		l.send(keyMsg("enter"))
		l.until("the charge's pane", func() bool { return strings.Contains(a.View(), "charge "+use.ObjectID) }, nil, nil)
		if footerHas(a, "y copy id") || footerHas(a, "J json") {
			t.Errorf("the object pane's footer offers y or J: %q", a.footer())
		}
		l.send(keyMsg("y"))
		l.send(keyMsg("J"))
		if a.picker != nil || a.mode == modePager {
			t.Errorf("y or J in the object pane was answered:\n%s", a.View())
		}
	})
}

// y and J pressed with E, before its first read came back (one burst),
// are answered once the rows are there, in order with the keys after
// them: E J j shows the newest event's JSON scrolled one line.
func TestEventsCopyJSONTypedWithE(t *testing.T) {
	s := newSession(t, nil)
	_, use := chargeOn(t, s, "visa")
	a := newApp(t, s, 80, 24)
	t.Cleanup(a.cancel)
	l := newLoop(t, a)
	l.send(keyMsg("E"))
	l.send(keyMsg("J"))
	l.send(keyMsg("j"))
	l.until("the JSON", func() bool { return a.mode == modePager }, nil, nil)
	if v := a.View(); !strings.Contains(v, "JSON evt_") || strings.Contains(v, "/ type:") {
		t.Fatalf("J typed with E did not show the JSON:\n%s", v)
	}
	if a.pager.vp.YOffset != 1 {
		t.Errorf("the j after J did not scroll the JSON: offset %d", a.pager.vp.YOffset)
	}
	l.send(keyMsg("esc"))
	if row := selectedRow(a.View()); !strings.Contains(row, use.ObjectID) {
		t.Errorf("the j after J moved the list: %q", row)
	}

	l.send(keyMsg("esc"))
	l.send(keyMsg("E"))
	l.send(keyMsg("y"))
	l.until("the picker", func() bool { return a.picker != nil }, nil, nil)
	if v := a.View(); !strings.Contains(v, use.ObjectID) || strings.Contains(v, "/ type:") {
		t.Errorf("y typed with E did not offer the event's ids:\n%s", v)
	}
}
