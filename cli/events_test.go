package cli

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85/webhook"

	"github.com/tokenscope/tokenscope/internal/testio"
)

func TestEventsOfATokenAndTheWorkspace(t *testing.T) {
	s := newSandbox(t)
	charged := token(t, s.ok("create", "card", "--preset", "visa", "--json").out).ID
	s.ok("use", charged, "--charge", "1000")
	attached := token(t, s.ok("create", "card", "--preset", "mastercard", "--json").out).ID
	s.ok("use", attached, "--customer")

	all := s.ok("events").out
	for _, typ := range []string{"charge.succeeded", "customer.created", "customer.source.created"} {
		if !strings.Contains(all, typ) {
			t.Errorf("events lacks %s:\n%s", typ, all)
		}
	}
	if i, j := strings.Index(all, "customer.created"), strings.Index(all, "charge.succeeded"); i > j {
		t.Errorf("not newest first:\n%s", all)
	}
	mine := s.ok("events", "--for", charged).out
	if !strings.Contains(mine, "charge.succeeded") || strings.Contains(mine, "customer.") {
		t.Errorf("events --for %s:\n%s", charged, mine)
	}
	var evs []struct {
		Event    struct{ Type string }
		Delivery string
	}
	if err := json.Unmarshal([]byte(s.ok("events", "--for", attached, "--type", "customer.created", "--json").out), &evs); err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Event.Type != "customer.created" || evs[0].Delivery != "none" {
		t.Errorf("--for %s --type customer.created --json: %+v", attached, evs)
	}
	s.expect(2, "events", "--limit", "0")
	s.expect(2, "events", "--delivery", "lost")
	s.expect(2, "events", "--delivery", "failed", "--follow")
}

func TestListenRefusesBadTargets(t *testing.T) {
	s := newSandbox(t)
	s.expect(2, "listen")
	r := s.expect(2, "listen", "--forward-to", "http://example.com/webhook")
	if !strings.Contains(r.errOut, "--allow-remote") {
		t.Errorf("the refusal does not say how to allow it: %s", r.errOut)
	}
}

// listen prints its secret, and forwards a charge made by another run of
// tokenscope on the state dir; the receiver verifies it with stripe-go.
func TestListenForwardsSigned(t *testing.T) {
	s := newSandbox(t)
	got := make(chan string, 10)
	var secret string
	ready := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		<-ready
		ev, err := webhook.ConstructEvent(body, r.Header.Get("Stripe-Signature"), secret)
		if err != nil {
			t.Errorf("verification: %v", err)
		}
		got <- string(ev.Type)
	}))
	defer srv.Close()

	out, stop := s.listening("--forward-to", srv.URL+"/webhook", "--events", "charge.succeeded")
	secret = listenSecret(t, out.String())
	close(ready)
	tok := token(t, s.ok("create", "card", "--preset", "visa", "--json").out).ID
	s.ok("use", tok, "--charge", "500")
	if typ := testio.Recv(t, got, "a delivery"); typ != "charge.succeeded" {
		t.Errorf("forwarded %s", typ)
	}
	for i := 0; !strings.Contains(out.String(), "[200]"); i++ {
		if i > 1000 {
			t.Fatalf("no delivery line: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
}

// listening runs `tokenscope listen args...` until stop, which fails the
// test unless it ended with 0; it returns once listen printed its secret.
func (s *sandbox) listening(args ...string) (out *testio.SyncBuffer, stop func()) {
	s.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out = &testio.SyncBuffer{}
	done := make(chan int)
	go func() {
		done <- Main(ctx, append([]string{"listen"}, args...), strings.NewReader(""), out, io.Discard, func(k string) string { return s.vars[k] })
	}()
	for i := 0; !strings.Contains(out.String(), "whsec_"); i++ {
		if i > 1000 {
			s.t.Fatalf("listen printed no secret: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	return out, func() {
		cancel()
		if code := <-done; code != 0 {
			s.t.Errorf("listen ended with %d", code)
		}
	}
}

// listenSecret is the whsec_ secret listen printed.
func listenSecret(t *testing.T, out string) string {
	for _, f := range strings.Fields(out) {
		if strings.HasPrefix(f, "whsec_") {
			return f
		}
	}
	t.Fatalf("no secret in %q", out)
	return ""
}
