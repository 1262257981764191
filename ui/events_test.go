package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// chargeOn makes a card token of preset and charges it, on s.
func chargeOn(t *testing.T, s *service.Session, preset string) (model.Record, model.Use) {
	t.Helper()
	req, err := model.FromPreset(preset)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, _ := s.Use(context.Background(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if use.ObjectID == "" {
		t.Fatalf("charging %s made no charge", rec.ID)
	}
	return rec, use
}

// offlineOn is a session on the offline emulator kept in dir, as every
// tokenscope on that state dir has: what one makes, the others read.
func offlineOn(t *testing.T, dir string) *service.Session {
	t.Helper()
	s, err := service.New(service.Config{Backend: service.BackendConfig{Offline: true}, StateDir: dir, MaxTokens: -1}).Session()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// selectedRow is the line of the view the selection bar is on.
func selectedRow(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " \x1b[1;7m"), "›") {
			return l
		}
	}
	return ""
}

// e opens the selected token's timeline: the charge it made, with the
// request that made it; esc closes it.
func TestEventsTimeline(t *testing.T) {
	s := newSession(t, nil)
	rec, use := chargeOn(t, s, "visa")
	a := newApp(t, s, 160, 30)
	_, _ = a.Update(a.loadCmd()()) // the list, as Init loads it
	l := newLoop(t, a)
	l.send(keyMsg("e"))
	l.until("the timeline", func() bool { return strings.Contains(a.View(), use.ObjectID) }, nil, nil)
	view := a.View()
	for _, want := range []string{"Events of " + rec.ID, "charge.succeeded", use.RequestID} {
		if !strings.Contains(view, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, view)
		}
	}
	l.send(keyMsg("esc"))
	if strings.Contains(a.View(), "Events of") {
		t.Error("esc did not close the timeline")
	}
}

// E shows the workspace's events, and one made by another tokenscope on
// the state dir appears without a key, the selection staying on the
// event it was on.
func TestAllEventsLive(t *testing.T) {
	dir := testio.SettledDir(t)
	s, other := offlineOn(t, dir), offlineOn(t, dir)
	_, first := chargeOn(t, s, "visa")
	a := newApp(t, s, 120, 32)
	t.Cleanup(a.cancel) // the live read ends before the dir goes
	l := newLoop(t, a)
	l.send(keyMsg("E"))
	l.until("the first charge", func() bool { return strings.Contains(a.View(), first.ObjectID) }, nil, nil)
	if row := selectedRow(a.View()); !strings.Contains(row, first.ObjectID) {
		t.Fatalf("the newest event is not selected: %q\n%s", row, a.View())
	}

	_, second := chargeOn(t, other, "mastercard")
	l.until("the other process's charge", func() bool { return strings.Contains(a.View(), second.ObjectID) }, nil, nil)
	view := a.View()
	if row := selectedRow(view); !strings.Contains(row, first.ObjectID) {
		t.Errorf("the selection left its event when one was added: %q\n%s", row, view)
	}
	if strings.Index(view, second.ObjectID) > strings.Index(view, first.ObjectID) {
		t.Errorf("the new event is not above the older one:\n%s", view)
	}
}

// Typing filters by type; enter opens the event (its request, no
// delivery), enter there its object; esc goes back one step at a time.
func TestAllEventsFilterDetailObject(t *testing.T) {
	s := newSession(t, nil)
	_, use := chargeOn(t, s, "visa")
	req, _ := model.FromPreset("mastercard")
	rec, err := s.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Use(context.Background(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCustomer}); err != nil {
		t.Fatal(err)
	}
	a := newApp(t, s, 80, 24)
	l := newLoop(t, a)
	l.send(keyMsg("E"))
	l.until("the events", func() bool { return strings.Contains(a.View(), "customer.created") }, nil, nil)
	for _, k := range []string{"s", "u", "c", "c"} {
		l.send(keyMsg(k))
	}
	view := a.View()
	if strings.Contains(view, "customer.created") || !strings.Contains(view, "charge.succeeded") || !strings.Contains(view, "1 of 3") {
		t.Fatalf("typing succ did not keep charge.succeeded alone:\n%s", view)
	}
	l.send(keyMsg("enter")) // keeps the filter
	l.send(keyMsg("enter")) // opens the event
	view = a.View()
	for _, want := range []string{"Event evt_", "request id", use.RequestID, "data.object", "none: no webhook endpoint"} {
		if !strings.Contains(view, want) {
			t.Errorf("the event's detail lacks %q:\n%s", want, view)
		}
	}
	l.send(keyMsg("enter"))
	l.until("the charge's pane", func() bool { return strings.Contains(a.View(), "charge "+use.ObjectID) }, nil, nil)
	l.send(keyMsg("esc"))
	l.until("the event again", func() bool { return strings.Contains(a.View(), "Event evt_") }, nil, nil)
	l.send(keyMsg("esc"))
	if v := a.View(); !strings.Contains(v, "1 of 3") {
		t.Fatalf("esc from the event did not go back to the filtered list:\n%s", v)
	}
	l.send(keyMsg("esc"))
	if v := a.View(); !strings.Contains(v, "customer.created") {
		t.Fatalf("esc did not clear the filter:\n%s", v)
	}
	l.send(keyMsg("esc"))
	if a.flow != nil {
		t.Fatalf("esc did not close the events view:\n%s", a.View())
	}
}

// An event's deliveries to the emulator's webhook endpoints show in its
// detail with their state, status and attempts, and move on live.
func TestEventDeliveriesShow(t *testing.T) {
	dir := testio.SettledDir(t)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	defer hook.Close()
	s := offlineOn(t, dir)
	srv := service.New(service.Config{Backend: service.BackendConfig{Offline: true}, StateDir: dir})
	emu, err := srv.Emulator(service.EmulatorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	post := httptest.NewRequest("POST", "/v1/webhook_endpoints", strings.NewReader("url="+hook.URL+"/hook&enabled_events[]=*"))
	post.Header.Set("Authorization", "Bearer sk_test_tokenscope")
	post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	emu.ServeHTTP(w, post)
	if w.Code != 200 {
		t.Fatalf("webhook endpoint: %d %s", w.Code, w.Body)
	}
	defer emu.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = srv.DeliverWebhooks(ctx, emu, t.Logf) }()

	_, use := chargeOn(t, s, "visa")
	a := newApp(t, s, 120, 32)
	t.Cleanup(a.cancel) // the live read ends before the dir goes
	l := newLoop(t, a)
	l.send(keyMsg("E"))
	l.until("the charge", func() bool { return strings.Contains(a.View(), use.ObjectID) }, nil, nil)
	l.send(keyMsg("enter"))
	l.until("the delivery", func() bool { return strings.Contains(a.View(), "delivered  [200]") }, nil, nil)
	if v := a.View(); !strings.Contains(v, "+ we_") || !strings.Contains(v, hook.URL+"/hook") || !strings.Contains(v, "1 attempt") {
		t.Errorf("the delivery lacks its endpoint, glyph or attempts:\n%s", v)
	}
}

// Keys pressed with E, before its first read came back (one burst), are
// each handled once the rows are there.
func TestAllEventsKeepsKeysPressedBeforeTheRead(t *testing.T) {
	s := newSession(t, nil)
	_, older := chargeOn(t, s, "visa")
	_, newer := chargeOn(t, s, "mastercard")
	a := newApp(t, s, 120, 32)
	t.Cleanup(a.cancel)
	l := newLoop(t, a)
	l.send(keyMsg("E"))
	l.send(keyMsg("j")) // before the read: nothing to move on yet
	l.until("the events", func() bool { return strings.Contains(a.View(), newer.ObjectID) }, nil, nil)
	if row := selectedRow(a.View()); !strings.Contains(row, older.ObjectID) {
		t.Errorf("the j typed with E was lost: %q\n%s", row, a.View())
	}
}

// A read the API refuses shows as an error pane in the view and in the
// status line, with Stripe's code.
func TestEventsReadRefused(t *testing.T) {
	s := newSessionWith(t, nil, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/v1/events" {
				w.Header().Set("Request-Id", "req_EventsRefused01")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = w.Write([]byte(`{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests hit the API too quickly."}}`))
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	a := newApp(t, s, 80, 24)
	t.Cleanup(a.cancel)
	l := newLoop(t, a)
	l.send(keyMsg("E"))
	l.until("the refusal", func() bool { return a.status.text != "" }, nil, nil)
	if !a.status.err || !strings.Contains(a.status.text, "rate_limit") {
		t.Errorf("status %q (error %v), want the refusal's code", a.status.text, a.status.err)
	}
	if v := a.View(); !strings.Contains(v, "req_EventsRefused01") {
		t.Errorf("the view does not show the refusal:\n%s", v)
	}
}
