package service

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/internal/webhook"
	"github.com/tokenscope/tokenscope/model"
)

// charged makes a charge on sess and returns the token it used.
func charged(t *testing.T, sess *Session) string {
	t.Helper()
	rec, err := sess.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := sess.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"}); err != nil {
		t.Fatal(err)
	}
	return rec.ID
}

// deliveryOf waits until sess's delivery log holds a delivery of event
// in a final state (delivered or failed): the record is written just
// after the receiver answers.
func deliveryOf(t *testing.T, sess *Session, event string) Delivery {
	t.Helper()
	for range 1000 {
		ds, err := sess.Deliveries(t.Context(), event)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 1 && ds[0].State != emulator.Delivering {
			return ds[0]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no final delivery of %s", event)
	return Delivery{}
}

// Offline, what listen forwards is a delivery record in the emulator's
// store, which another tokenscope on the state dir reads, and which names
// the listener.
func TestListenLogsItsDeliveriesInTheStore(t *testing.T) {
	dir := t.TempDir()
	listener, maker := offlineService(dir), offlineService(dir)
	secret, err := listener.ListenSecret()
	if err != nil {
		t.Fatal(err)
	}
	url, got := verifyingReceiver(t, func() string { return secret })
	listening(t, listener, ListenOptions{ForwardTo: url, Secret: secret, Types: []string{"charge.succeeded"}})
	sess, err := maker.Session()
	if err != nil {
		t.Fatal(err)
	}
	charged(t, sess)
	v := next(t, got)
	d := deliveryOf(t, sess, v.id)
	if !d.Listener || d.Endpoint != emulator.ListenerID(url) || d.URL != url || d.State != emulator.Delivered || d.Status != 200 || d.Attempts != 1 {
		t.Errorf("the delivery of %s: %+v", v.id, d)
	}
}

// A receiver that keeps failing: each attempt is logged, and the last
// makes the delivery failed.
func TestListenLogsAFailedDelivery(t *testing.T) {
	dir := t.TempDir()
	svc := offlineService(dir)
	secret, err := svc.ListenSecret()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusInternalServerError) }))
	t.Cleanup(srv.Close)
	forwarded := make(chan Forward, 10)
	noWait := func(context.Context, time.Duration) error { return nil }
	listening(t, svc, ListenOptions{ForwardTo: srv.URL, Secret: secret, Types: []string{"charge.succeeded"},
		Retry: webhook.Retry{Attempts: 3, Sleep: noWait}, Forwarded: func(f Forward) { forwarded <- f }})
	sess, err := svc.Session()
	if err != nil {
		t.Fatal(err)
	}
	charged(t, sess)
	f := testio.Recv(t, forwarded, "a forward")
	d := deliveryOf(t, sess, f.Event.ID)
	if d.State != emulator.Failed || d.Attempts != 3 || d.Status != 500 || !d.Listener {
		t.Errorf("the failed delivery: %+v", d)
	}
}

// Without an emulator store (listen against Stripe or another server),
// listen keeps its records in the state dir's forward log, where another
// session on the dir reads them.
func TestListenWithoutAnEmulatorKeepsAForwardLog(t *testing.T) {
	dir := t.TempDir()
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	remote := func() *Service {
		api, err := client.New(client.Config{Handler: emu})
		if err != nil {
			t.Fatal(err)
		}
		return New(Config{API: api, StateDir: dir})
	}
	listener, reader := remote(), remote()
	secret, err := listener.ListenSecret()
	if err != nil {
		t.Fatal(err)
	}
	url, got := verifyingReceiver(t, func() string { return secret })
	listening(t, listener, ListenOptions{ForwardTo: url, Secret: secret, Types: []string{"charge.succeeded"}, Poll: 10 * time.Millisecond})
	sess, err := reader.Session()
	if err != nil {
		t.Fatal(err)
	}
	charged(t, sess)
	v := next(t, got)
	d := deliveryOf(t, sess, v.id)
	if !d.Listener || d.State != emulator.Delivered || d.URL != url {
		t.Errorf("the delivery of %s in the forward log: %+v", v.id, d)
	}
	if ds, err := emu.Deliveries(t.Context(), v.id); err != nil || len(ds) != 0 {
		t.Errorf("the remote emulator's store holds %+v %v: listen wrote to it", ds, err)
	}
}

// listen stopped while it waits to retry: nobody will send the event
// again, so its delivery is failed, not pending for ever.
func TestListenStoppedBetweenRetriesFailsTheDelivery(t *testing.T) {
	svc := offlineService(t.TempDir())
	secret, err := svc.ListenSecret()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) }))
	t.Cleanup(srv.Close)
	sess, err := svc.Session()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	waiting := make(chan struct{}, 1)
	retry := webhook.Retry{Sleep: func(ctx context.Context, _ time.Duration) error {
		waiting <- struct{}{}
		<-ctx.Done()
		return ctx.Err()
	}}
	ready, done := make(chan struct{}), make(chan error, 1)
	go func() {
		done <- sess.Listen(ctx, ListenOptions{ForwardTo: srv.URL, Secret: secret, Types: []string{"charge.succeeded"}, Retry: retry,
			Ready: func() { close(ready) }})
	}()
	testio.Recv(t, ready, "listen ready")
	charged(t, sess)
	testio.Recv(t, waiting, "the wait before a retry")
	cancel()
	if err := testio.Recv(t, done, "listen's end"); err != nil {
		t.Fatal(err)
	}
	evs, err := sess.Events(t.Context(), EventFilter{Types: []string{"charge.succeeded"}})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events: %v %v", evs, err)
	}
	if d := deliveryOf(t, sess, evs[0].ID); d.State != emulator.Failed || d.Attempts != 1 || d.Status != 503 {
		t.Errorf("the delivery listen gave up: %+v", d)
	}
}

// staleEvents is a server that ignores ending_before, as stripe-mock
// does: every list of events holds the same ones. polls counts the lists.
type staleEvents struct {
	client.API
	polls chan struct{}
}

func (s staleEvents) Events(ctx context.Context, q client.EventQuery) (client.EventPage, error) {
	q.EndingBefore, q.StartingAfter, q.CreatedGTE = "", "", 0
	select {
	case s.polls <- struct{}{}:
	default:
	}
	return s.API.(client.Events).Events(ctx, q)
}

// Against a server that ignores ending_before, listen forwards neither
// the event it began after nor any event twice.
func TestListenForwardsEachEventOnceFromAStaleServer(t *testing.T) {
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	inner, err := client.New(client.Config{Handler: emu})
	if err != nil {
		t.Fatal(err)
	}
	api := staleEvents{API: inner, polls: make(chan struct{}, 1)}
	svc := New(Config{API: api, StateDir: t.TempDir()})
	sess, err := svc.Session()
	if err != nil {
		t.Fatal(err)
	}
	charged(t, sess) // before listen: not forwarded
	secret, err := svc.ListenSecret()
	if err != nil {
		t.Fatal(err)
	}
	url, got := verifyingReceiver(t, func() string { return secret })
	listening(t, svc, ListenOptions{ForwardTo: url, Secret: secret, Types: []string{"charge.succeeded"}, Poll: time.Millisecond})
	charged(t, sess)
	first := next(t, got)
	for range 5 { // more looks, each answered with both charges again
		testio.Recv(t, api.polls, "a look for events")
	}
	testio.Recv(t, api.polls, "a look for events") // the one after the last look's forwards
	select {
	case again := <-got:
		t.Errorf("forwarded %s after %s", again.id, first.id)
	default:
	}
	evs, err := sess.Events(t.Context(), EventFilter{Types: []string{"charge.succeeded"}})
	if err != nil || len(evs) != 2 || first.id != evs[0].ID {
		t.Errorf("forwarded %s, want the newer of the %d charges' events (%v)", first.id, len(evs), err)
	}
}
