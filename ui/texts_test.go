package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// The request log at 80 columns keeps every request id and idempotency
// key whole and every latency, wraps bodies between parameters, and opens
// on the newest request.
func TestRequestLogAt80(t *testing.T) {
	s := newSession(t, nil)
	ctx := context.Background()
	spec, _ := model.SpecOf(model.KindCard)
	p, _ := spec.Create.Preset("visa")
	req := p.Request(clock)
	req.Card.Name = "Jenny Rosen"
	for range 3 {
		if _, err := s.Create(ctx, req, ""); err != nil {
			t.Fatal(err)
		}
	}
	for range 20 {
		_, _ = s.Fetch(ctx, "btok_1QxYc3DeFgHiJkLmNoPqRsTu")
	}
	if _, err := s.Fetch(ctx, "tok_visa"); err != nil {
		t.Fatal(err)
	}
	a := newApp(t, s, 80, 24)
	press(t, a, "L")
	entries := s.Requests()
	text := a.logText(a.pager.vp.Width)
	for _, e := range entries {
		for _, want := range []string{e.RequestID, e.IdempotencyKey} {
			if want != "" && !strings.Contains(text, want) {
				t.Errorf("%q is not whole in the log:\n%s", want, text)
			}
		}
	}
	if n := strings.Count(text, "ms "); n+strings.Count(text, "ms\n") < len(entries) {
		t.Errorf("latencies shown %d times for %d requests:\n%s", n, len(entries), text)
	}
	if !strings.Contains(text, "card[name]=Jenny Rosen") {
		t.Errorf("a body is torn mid-word:\n%s", text)
	}
	for _, l := range strings.Split(text, "\n") {
		if w := len([]rune(l)); w > a.pager.vp.Width {
			t.Errorf("a line of %d cells in a pager %d wide: %q", w, a.pager.vp.Width, l)
		}
	}
	if v := a.View(); !strings.Contains(v, entries[len(entries)-1].RequestID) {
		t.Errorf("the log does not open on the newest request %s:\n%s", entries[len(entries)-1].RequestID, v)
	}
}
