package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85/webhook"
)

// What listen forwarded shows in events, as a delivery to listen_…, and
// --delivery keeps the events by what their deliveries came to.
func TestEventsShowListensDeliveries(t *testing.T) {
	s := newSandbox(t)
	var secret string
	ready := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		<-ready
		if _, err := webhook.ConstructEvent(body, r.Header.Get("Stripe-Signature"), secret); err != nil {
			t.Errorf("verification: %v", err)
			w.WriteHeader(http.StatusBadRequest)
		}
	}))
	defer srv.Close()
	out, stop := s.listening("--forward-to", srv.URL+"/hook", "--events", "charge.succeeded")
	defer stop()
	secret = listenSecret(t, out.String())
	close(ready)

	charged := token(t, s.ok("create", "card", "--preset", "visa", "--json").out).ID
	s.ok("use", charged, "--charge", "500")
	attached := token(t, s.ok("create", "card", "--preset", "visa", "--json").out).ID
	s.ok("use", attached, "--customer")

	type shown struct {
		Event      struct{ ID, Type string }
		Delivery   string
		Deliveries []struct {
			Endpoint, URL, State string
			Status, Attempts     int
		}
	}
	var evs []shown
	for i := 0; ; i++ { // listen logs the delivery just after the receiver answers
		evs = nil
		if err := json.Unmarshal([]byte(s.ok("events", "--for", charged, "--json").out), &evs); err != nil {
			t.Fatal(err)
		}
		if len(evs) == 1 && evs[0].Delivery == "delivered" {
			break
		}
		if i > 1000 {
			t.Fatalf("events --for %s --json: %+v, want its charge.succeeded delivered", charged, evs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	d := evs[0].Deliveries
	if len(d) != 1 || !strings.HasPrefix(d[0].Endpoint, "listen_") || d[0].URL != srv.URL+"/hook" || d[0].Status != 200 || d[0].Attempts != 1 {
		t.Errorf("the delivery to listen: %+v", d)
	}
	human := s.ok("events", "--for", charged).out
	if !strings.Contains(human, d[0].Endpoint+" "+srv.URL+"/hook  delivered  [200]") {
		t.Errorf("events --for %s does not show the delivery to listen:\n%s", charged, human)
	}
	report := s.ok("report", charged).out
	if !strings.Contains(report, "  - webhook to "+d[0].Endpoint+" ("+srv.URL+"/hook): delivered, last 200 in ") {
		t.Errorf("report %s does not tell the delivery to listen:\n%s", charged, report)
	}
	delivered := s.ok("events", "--delivery", "delivered").out
	if !strings.Contains(delivered, evs[0].Event.ID) || strings.Contains(delivered, "customer.created") {
		t.Errorf("events --delivery delivered:\n%s", delivered)
	}
	none := s.ok("events", "--delivery", "none").out
	if strings.Contains(none, evs[0].Event.ID) || !strings.Contains(none, "customer.created") {
		t.Errorf("events --delivery none:\n%s", none)
	}
	if got := s.ok("events", "--delivery", "failed").out; !strings.HasPrefix(got, "No events for the workspace with --delivery failed") {
		t.Errorf("events --delivery failed: %s", got)
	}
}
