package service

import (
	"context"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// Two listens on the same URL (each its own session, as two processes)
// forward each event once, and its delivery record holds one attempt.
func TestTwoListensOnOneURLSendOnce(t *testing.T) {
	dir := t.TempDir()
	a, b, maker := offlineService(dir), offlineService(dir), offlineService(dir)
	secret, err := a.ListenSecret()
	if err != nil {
		t.Fatal(err)
	}
	url, got := verifyingReceiver(t, func() string { return secret })
	forwarded := make(chan Forward, 10)
	var stops []func()
	for _, svc := range []*Service{a, b} {
		sess, err := svc.Session()
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		ready, done := make(chan struct{}), make(chan error, 1)
		go func() {
			done <- sess.Listen(ctx, ListenOptions{ForwardTo: url, Secret: secret, Types: []string{"charge.succeeded"},
				Ready: func() { close(ready) }, Forwarded: func(f Forward) { forwarded <- f }})
		}()
		<-ready
		stops = append(stops, func() { cancel(); <-done })
	}
	sess, err := maker.Session()
	if err != nil {
		t.Fatal(err)
	}
	req, _ := model.FromPreset("visa")
	rec, err := sess.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := sess.Use(context.Background(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 600, Currency: "usd"}); err != nil {
		t.Fatal(err)
	}
	v := next(t, got)
	<-forwarded
	// Both listens end; what either still had to send was sent by then.
	for _, stop := range stops {
		stop()
	}
	if len(got) > 0 {
		t.Errorf("%s was forwarded %d more time(s)", v.id, len(got))
	}
	evs, err := sess.EventsDelivered(context.Background(), EventFilter{For: rec.ID})
	if err != nil || len(evs) != 1 || len(evs[0].Deliveries) != 1 || evs[0].Deliveries[0].Attempts != 1 {
		t.Fatalf("deliveries: %+v %v, want one event delivered once", evs, err)
	}
}
