package emulator

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	hook "github.com/tokenscope/tokenscope/internal/webhook"
)

// A receiver that never answers in time gets the documented schedule:
// each attempt ends at its timeout, and the next begins 1, 2, 4, then 8
// seconds after that end.
func TestWebhooksBackOffAfterTimeouts(t *testing.T) {
	e, _ := New(Options{Now: clock})
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		select { // answers only once the sender gave up, or the test ends
		case <-req.Context().Done():
		case <-stop:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })
	post(t, e, "/v1/webhook_endpoints", "url="+srv.URL+"/hook&enabled_events[]=customer.created", nil)
	w := &waits{}
	deliverInBackground(t, e, DeliverOptions{Timeout: 20 * time.Millisecond, Retry: hook.Retry{Sleep: w.sleep}})
	post(t, e, "/v1/customers", "email=slow@example.com", nil)
	evt := firstEvent(t, e)

	var ds []Delivery
	for range 3000 { // the log is written as the attempts end
		if ds, _ = e.Deliveries(ctx, evt); len(ds) == 1 && ds[0].State == Failed {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(ds) != 1 || ds[0].State != Failed || len(ds[0].Attempts) != hook.DefaultAttempts {
		t.Fatalf("after timeouts: %+v", ds)
	}
	for i, a := range ds[0].Attempts {
		if a.Status != 0 || !strings.Contains(a.Error, "Timeout") {
			t.Errorf("attempt %d: status %d, error %q; want a timeout", i+1, a.Status, a.Error)
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}; !slices.Equal(w.d, want) {
		t.Errorf("waits after timeouts %v, want %v", w.d, want)
	}
}
