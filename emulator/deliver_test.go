package emulator

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85/webhook"

	hook "github.com/tokenscope/tokenscope/internal/webhook"
)

// receiver is a webhook receiver on loopback that verifies each delivery
// with stripe-go's webhook.ConstructEvent, as a user's code would.
type receiver struct {
	t      testing.TB
	srv    *httptest.Server
	secret string
	fail   int // answer 500 to this many deliveries first
	// cutOff, if set, hears of the next delivery, which is then left
	// unanswered until its sender goes away.
	cutOff chan<- struct{}

	mu       sync.Mutex
	got      []string // event ids verified, in arrival order
	bodies   [][]byte
	headers  []string
	received chan string
}

func newReceiver(t testing.TB) *receiver {
	r := &receiver{t: t, received: make(chan string, 100)}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		if cut := r.cutOff; cut != nil {
			r.cutOff = nil
			r.mu.Unlock()
			cut <- struct{}{}
			<-req.Context().Done()
			return
		}
		defer r.mu.Unlock()
		if r.fail > 0 {
			r.fail--
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		ev, err := webhook.ConstructEvent(body, req.Header.Get("Stripe-Signature"), r.secret)
		if err != nil {
			t.Errorf("a delivery failed verification: %v", err)
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		r.got = append(r.got, ev.ID)
		r.bodies = append(r.bodies, body)
		r.headers = append(r.headers, req.Header.Get("Stripe-Signature"))
		r.received <- ev.ID
	}))
	t.Cleanup(r.srv.Close)
	return r
}

// wait returns the next verified event id.
func (r *receiver) wait() string {
	r.t.Helper()
	select {
	case id := <-r.received:
		return id
	case <-time.After(10 * time.Second):
		r.t.Fatal("no delivery arrived")
		return ""
	}
}

// endpoint registers a webhook endpoint for r, enabling events.
func (r *receiver) endpoint(e *Emulator, events ...string) string {
	r.t.Helper()
	body := "url=" + r.srv.URL + "/hook"
	for _, ev := range events {
		body += "&enabled_events[]=" + ev
	}
	rec := post(r.t, e, "/v1/webhook_endpoints", body, nil)
	var we endpointJSON
	json.Unmarshal(rec.Body.Bytes(), &we)
	if len(we.Secret) < 20 || we.Secret[:6] != "whsec_" {
		r.t.Fatalf("creation shows no secret: %s", rec.Body)
	}
	r.secret = we.Secret
	if got := do(r.t, e, "GET", "/v1/webhook_endpoints/"+we.ID, testKey, "", nil).Body.String(); strings.Contains(got, we.Secret) {
		r.t.Errorf("GET shows the secret: %s", got)
	}
	return we.ID
}

// waits records the backoffs a retry waited, without waiting.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(_ context.Context, d time.Duration) error {
	w.mu.Lock()
	w.d = append(w.d, d)
	w.mu.Unlock()
	return nil
}

func deliverInBackground(t testing.TB, e *Emulator, opts DeliverOptions) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.Deliver(ctx, opts)
	}()
	t.Cleanup(func() { cancel(); <-done })
}

func TestWebhooksAreSignedAndInOrder(t *testing.T) {
	e, _ := New(Options{Now: clock})
	r := newReceiver(t)
	r.endpoint(e, "charge.succeeded", "charge.failed")
	deliverInBackground(t, e, DeliverOptions{})

	post(t, e, "/v1/customers", "source=tok_visa", nil) // not enabled: not sent
	var want []string
	for _, src := range []string{"tok_visa", "tok_chargeDeclined", "tok_mastercard"} {
		post(t, e, "/v1/charges", "amount=1000&currency=usd&source="+src, nil)
		want = append(want, firstEvent(t, e))
	}
	for range want {
		r.wait()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.Equal(r.got, want) {
		t.Errorf("delivered %v, want %v in that order", r.got, want)
	}
	// A body changed on the way fails verification.
	tampered := append([]byte{}, r.bodies[0]...)
	tampered[len(tampered)-3] ^= 1
	if _, err := webhook.ConstructEvent(tampered, r.headers[0], r.secret); err == nil {
		t.Error("a tampered body passed verification")
	}
	if _, err := webhook.ConstructEvent(r.bodies[0], r.headers[0], "whsec_wrong"); err == nil {
		t.Error("another secret passed verification")
	}
}

func TestWebhooksRetryWithBackoffAndLog(t *testing.T) {
	e, _ := New(Options{Now: clock})
	r := newReceiver(t)
	r.fail = 2
	we := r.endpoint(e, "*")
	w := &waits{}
	deliverInBackground(t, e, DeliverOptions{Retry: hook.Retry{Attempts: 3, Sleep: w.sleep}})

	post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa", nil)
	evt := firstEvent(t, e)
	if got := r.wait(); got != evt {
		t.Fatalf("delivered %s, want %s", got, evt)
	}
	var ds []Delivery
	for range 100 { // the log is written just after the receiver answers
		ds, _ = e.Deliveries(ctx, evt)
		if len(ds) == 1 && ds[0].State == Delivered {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(ds) != 1 || ds[0].State != Delivered || ds[0].Endpoint != we {
		t.Fatalf("delivery log: %+v", ds)
	}
	var statuses []int
	for _, a := range ds[0].Attempts {
		statuses = append(statuses, a.Status)
	}
	if !slices.Equal(statuses, []int{500, 500, 200}) {
		t.Errorf("attempts %v, want 500 500 200", statuses)
	}
	w.mu.Lock()
	if !slices.Equal(w.d, []time.Duration{time.Second, 2 * time.Second}) {
		t.Errorf("backoff %v, want 1s 2s", w.d)
	}
	w.mu.Unlock()
	var ev eventJSON
	json.Unmarshal(do(t, e, "GET", "/v1/events/"+evt, testKey, "", nil).Body.Bytes(), &ev)
	if ev.PendingWebhooks != 0 {
		t.Errorf("pending_webhooks %d after delivery", ev.PendingWebhooks)
	}
}

func TestWebhooksGiveUpAfterTheirAttempts(t *testing.T) {
	e, _ := New(Options{Now: clock})
	r := newReceiver(t)
	r.fail = 1000
	r.endpoint(e, "charge.succeeded")
	w := &waits{}
	deliverInBackground(t, e, DeliverOptions{Retry: hook.Retry{Attempts: 4, Sleep: w.sleep}})
	post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa", nil)
	evt := firstEvent(t, e)
	var ds []Delivery
	for range 500 {
		ds, _ = e.Deliveries(ctx, evt)
		if len(ds) == 1 && ds[0].State == Failed {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(ds) != 1 || ds[0].State != Failed || len(ds[0].Attempts) != 4 {
		t.Fatalf("after 4 failed attempts: %+v", ds)
	}
}

func TestWebhookEndpointLimits(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, c := range []struct{ body, param string }{
		{"url=http://example.com/hook&enabled_events[]=*", "url"},
		{"url=http://user:pw@127.0.0.1/hook&enabled_events[]=*", "url"},
		{"url=ftp://127.0.0.1/hook&enabled_events[]=*", "url"},
		{"url=http://127.0.0.1/" + strings.Repeat("a", 3000) + "&enabled_events[]=*", "url"},
		{"url=http://127.0.0.1/hook&enabled_events[]=charge.exploded", "enabled_events[0]"},
		{"url=http://127.0.0.1/hook", "enabled_events"},
	} {
		rec := do(t, e, "POST", "/v1/webhook_endpoints", testKey, c.body, nil)
		if rec.Code != 400 || errorBody(t, rec).Param != c.param {
			t.Errorf("%.60s: %d %s, want 400 naming %s", c.body, rec.Code, rec.Body, c.param)
		}
	}
	for i := range maxEndpoints {
		if rec := do(t, e, "POST", "/v1/webhook_endpoints", testKey, "url=http://127.0.0.1/hook&enabled_events[]=*", nil); rec.Code != 200 {
			t.Fatalf("endpoint %d: %d %s", i, rec.Code, rec.Body)
		}
	}
	if rec := do(t, e, "POST", "/v1/webhook_endpoints", testKey, "url=http://127.0.0.1/hook&enabled_events[]=*", nil); rec.Code != 400 {
		t.Errorf("endpoint %d: %d, want 400", maxEndpoints+1, rec.Code)
	}
	remote, _ := New(Options{Now: clock, AllowRemoteWebhooks: true})
	if rec := do(t, remote, "POST", "/v1/webhook_endpoints", testKey, "url=https://example.com/hook&enabled_events[]=*", nil); rec.Code != 200 {
		t.Errorf("a remote URL when allowed: %d %s", rec.Code, rec.Body)
	}
}

// Two processes on one state dir (two emulators on one log store) both
// deliver; each delivery is claimed in the store, so it is sent once.
func TestWebhooksAreSentOnceAcrossProcesses(t *testing.T) {
	dir := t.TempDir()
	e1, err := New(Options{Dir: dir, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer e1.Close()
	e2, err := New(Options{Dir: dir, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	r := newReceiver(t)
	r.endpoint(e1, "charge.succeeded")
	post(t, e1, "/v1/charges", "amount=1000&currency=usd&source=tok_visa", nil)
	evt := firstEvent(t, e2) // e2 reads what e1 wrote

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, e := range []*Emulator{e1, e2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.Deliver(ctx, DeliverOptions{})
		}()
	}
	r.wait()
	var ds []Delivery
	for range 100 {
		if ds, _ = e2.Deliveries(ctx, evt); len(ds) == 1 && ds[0].State == Delivered {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.got) != 1 || len(ds) != 1 || len(ds[0].Attempts) != 1 {
		t.Errorf("delivered %d times, log %+v; want once", len(r.got), ds)
	}
}
