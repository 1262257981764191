package service

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85/webhook"

	"github.com/tokenscope/tokenscope/model"
)

// verified is a delivery that passed stripe-go's verification.
type verified struct {
	id, typ string
	body    []byte
	header  string
}

// verifyingReceiver is a user's webhook handler on loopback: it verifies
// each delivery with stripe-go, as Stripe's docs show.
func verifyingReceiver(t testing.TB, secret func() string) (string, <-chan verified) {
	got := make(chan verified, 1000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ev, err := webhook.ConstructEvent(body, r.Header.Get("Stripe-Signature"), secret())
		if err != nil {
			t.Errorf("a delivery failed verification: %v", err)
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		got <- verified{ev.ID, string(ev.Type), body, r.Header.Get("Stripe-Signature")}
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/webhook", got
}

func offlineService(dir string) *Service {
	return New(Config{Backend: BackendConfig{Offline: true}, StateDir: dir})
}

// listening runs Listen on svc's session until the test ends, once it is
// ready.
func listening(t testing.TB, svc *Service, opts ListenOptions) {
	t.Helper()
	sess, err := svc.Session()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	done := make(chan error, 1)
	opts.Ready = func() { close(ready) }
	go func() { done <- sess.Listen(ctx, opts) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("listen: %v", err)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("listen ended: %v", err)
	}
}

func next(t testing.TB, got <-chan verified) verified {
	t.Helper()
	select {
	case v := <-got:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was forwarded")
		return verified{}
	}
}

// A charge made by another tokenscope on the same state dir (its own
// emulator and log store, as another process has) is forwarded, signed
// with the state dir's listen secret.
func TestListenForwardsAnotherProcesssEvents(t *testing.T) {
	dir := t.TempDir()
	listener, maker := offlineService(dir), offlineService(dir)
	secret, err := listener.ListenSecret()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := maker.ListenSecret()
	if again != secret {
		t.Errorf("a second ListenSecret on the dir: %s, want the first %s", again, secret)
	}
	if fi, err := os.Stat(filepath.Join(dir, listenSecretFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the secret file: %v %v, want 0600", fi.Mode(), err)
	}
	url, got := verifyingReceiver(t, func() string { return secret })
	forwarded := make(chan Forward, 10)
	listening(t, listener, ListenOptions{ForwardTo: url, Secret: secret, Types: []string{"charge.succeeded", "charge.failed"},
		Forwarded: func(f Forward) { forwarded <- f }})

	sess, err := maker.Session()
	if err != nil {
		t.Fatal(err)
	}
	req, err := model.FromPreset("visa")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := sess.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := sess.Use(context.Background(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	v := next(t, got)
	if v.typ != "charge.succeeded" {
		t.Errorf("forwarded %s, want charge.succeeded (the customer events are not asked for)", v.typ)
	}
	f := <-forwarded
	if f.Event.ID != v.id || f.Event.ObjectID != use.ObjectID || f.Last.Status != 200 {
		t.Errorf("reported %+v for %s of %s", f, v.id, use.ObjectID)
	}
	tampered := append([]byte{}, v.body...)
	tampered[len(tampered)/2] ^= 0x20
	if _, err := webhook.ConstructEvent(tampered, v.header, secret); err == nil {
		t.Error("a tampered body passed verification")
	}
	evs, err := sess.Events(context.Background(), EventFilter{For: rec.ID})
	if err != nil || len(evs) != 1 || evs[0].ID != v.id {
		t.Errorf("events --for %s: %v %v, want the one forwarded", rec.ID, evs, err)
	}
}

func TestListenRefusesRemoteTargets(t *testing.T) {
	for _, u := range []string{"http://example.com/hook", "ftp://127.0.0.1/x", "127.0.0.1:4242"} {
		if err := CheckForwardTo(u, false); err == nil {
			t.Errorf("%s was accepted", u)
		}
	}
	if err := CheckForwardTo("https://example.com/hook", true); err != nil {
		t.Errorf("--allow-remote: %v", err)
	}
	if err := CheckForwardTo("http://localhost:4242/webhook", false); err != nil {
		t.Errorf("loopback: %v", err)
	}
}
