package views

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

var refunded = `{"id":"evt_1","object":"event","type":"charge.refunded","created":1795660867,
"api_version":"2025-03-31.basil","request":{"id":"req_abc","idempotency_key":"idem-1"},
"data":{"object":{"id":"ch_1","object":"charge","amount":1000,"amount_refunded":400,"refunded":false,
"metadata":{"note":"x"}},"previous_attributes":{"amount_refunded":0,"metadata":{"note":null}}}}`

func event(t *testing.T, raw string) model.Event {
	t.Helper()
	ev, err := model.NewEvent([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// A row counts deliveries by state, each with its glyph, and reads its
// time as the time of day on the day it was made.
func TestEventRow(t *testing.T) {
	ev := event(t, refunded)
	now := ev.Time().Add(time.Hour)
	ds := []Delivered{{State: "delivered"}, {State: "failed"}, {State: "delivered"}, {State: "delivering"}}
	r := NewEventRow(ev, ds, now)
	if got := Text(r.Delivered); got != "+2 ~1 !1" {
		t.Errorf("deliveries %q, want +2 ~1 !1", got)
	}
	if r.Time != "02:41:07" || r.Object != "ch_1" || r.Request != "req_abc" || r.Type != "charge.refunded" {
		t.Errorf("row %+v", r)
	}
	if r := NewEventRow(ev, nil, now.AddDate(0, 0, 3)); r.Time != "Nov 26  " || len(r.Delivered) != 0 {
		t.Errorf("a row of three days ago: %q %v", r.Time, r.Delivered)
	}
	if !r.MatchesType("REFUND") || r.MatchesType("dispute") {
		t.Error("the type filter does not match as typed")
	}
}

// The detail names the request, what the update changed (before and
// after), and each delivery with its glyph, a listener's by its URL.
func TestEventDetail(t *testing.T) {
	ev := event(t, refunded)
	ds := []Delivered{
		{Endpoint: "we_1", URL: "http://127.0.0.1:4242/hook", State: "delivered", Attempts: 1, Status: 200, Latency: 2100 * time.Microsecond},
		{Endpoint: "listen_0a1b2c3d4e5f", Listener: true, URL: "http://localhost:9/x", State: "failed", Attempts: 3, Error: "connection refused"},
		{Endpoint: "we_2", URL: "http://127.0.0.1:1/", State: "delivering"},
	}
	d := NewEventDetail(ev, ds)
	fields := map[string]string{}
	for _, f := range d.Fields {
		fields[f.Label] = f.Value
	}
	want := map[string]string{
		"request id": "req_abc", "idempotency": "idem-1", "object": "ch_1 (charge)",
		"created": "2026-11-26 02:41:07 UTC",
	}
	for k, v := range want {
		if fields[k] != v {
			t.Errorf("%s = %q, want %q", k, fields[k], v)
		}
	}
	var changed []string
	for _, l := range d.Previous {
		changed = append(changed, l.String())
	}
	if got, want := strings.Join(changed, "\n"), "~ amount_refunded: 0 -> 400\n~ metadata.note: null -> x"; got != want {
		t.Errorf("previous_attributes:\n%s\nwant\n%s", got, want)
	}
	if d.Object.ID != "ch_1" {
		t.Errorf("data.object: %+v", d.Object)
	}
	lines := make([]string, len(d.Deliveries))
	for i, l := range d.Deliveries {
		lines[i] = l.String()
	}
	got := strings.Join(lines, "\n")
	for _, w := range []string{
		"+ we_1  delivered  [200]  2.1ms  1 attempt\n  to http://127.0.0.1:4242/hook\n",
		"! listen  failed  0s  3 attempts\n  to http://localhost:9/x\n  no answer: connection refused\n",
		"~ we_2  delivering  not sent yet\n  to http://127.0.0.1:1/",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("deliveries lack %q:\n%s", w, got)
		}
	}
	if d.Deliveries[2].Kind != Failed {
		t.Errorf("a failed delivery is %v", d.Deliveries[2].Kind)
	}
}
