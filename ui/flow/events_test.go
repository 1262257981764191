package flow

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// Events reads through the gate: the real client reads events.
func (g *gate) Events(ctx context.Context, q client.EventQuery) (client.EventPage, error) {
	return g.API.(client.Events).Events(ctx, q)
}

// eventIDs are the event ids and idempotency keys of a view, which
// differ between runs.
var eventIDs = regexp.MustCompile(`\bevt_[0-9A-Za-z]+|tokenscope-[0-9a-f-]{36}`)

// eventful makes a charge, a declined charge and a customer: events of
// three kinds, at the fixed clock.
func eventful(t *testing.T, pc *common.ProgramContext) (charge string) {
	t.Helper()
	charge = used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	rec := created(t, pc, "insufficient_funds")
	_, _, _ = pc.Session.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	used(t, pc, "mastercard", model.UseRequest{Kind: model.UseCustomer})
	return charge
}

// The workspace's events at 80x24 and 120x40: newest first, the
// selection a bar led by ›; at 80 columns the request ids give way and
// the object ids stay whole. Then the type filter, and an event opened.
func TestEventsGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("list_%dx%d", sz[0], sz[1]), func(t *testing.T) {
			pc, _ := newContext(t, sz[0], sz[1], setup{})
			eventful(t, pc)
			r := start(t, NewEvents(pc, ""), sz[0], sz[1])
			r.shows("charge.failed", "customer.source.created")
			requireGolden(t, r.final())
		})
	}
	t.Run("filtered_80x24", func(t *testing.T) {
		pc, _ := newContext(t, 80, 24, setup{})
		eventful(t, pc)
		r := start(t, NewEvents(pc, ""), 80, 24)
		r.shows("charge.failed")
		r.keys("c", "h", "a")
		r.shows("2 of 4")
		requireGolden(t, r.final())
	})
	t.Run("event_80x24", func(t *testing.T) {
		pc, _ := newContext(t, 80, 24, setup{})
		charge := eventful(t, pc)
		r := start(t, NewEvents(pc, ""), 80, 24)
		r.shows("charge.failed")
		r.keys("/", "succeeded", "enter", "enter")
		r.shows("Event evt_", charge, "deliveries")
		requireGolden(t, eventIDs.ReplaceAllString(r.final(), "RANDOM"))
	})
	t.Run("requires_action_80x24", func(t *testing.T) {
		pc, _ := newContext(t, 80, 24, setup{})
		used(t, pc, "threeds_required", model.UseRequest{Kind: model.UsePaymentIntent, Amount: 2000, Currency: "usd"})
		r := start(t, NewEvents(pc, ""), 80, 24)
		r.shows("payment_intent.requires_action")
		r.keys("/", "requires_action", "enter", "enter")
		// The headline is wrapped under itself, never cut at the edge.
		r.shows("data.object  PaymentIntent", "             requires_action")
		requireGolden(t, eventIDs.ReplaceAllString(r.final(), "RANDOM"))
	})
	t.Run("refunded_80x24", func(t *testing.T) {
		pc, _ := newContext(t, 80, 24, setup{})
		charge := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
		if _, err := pc.Session.Refund(t.Context(), model.RefundRequest{Of: charge, Amount: 400}); err != nil {
			t.Fatal(err)
		}
		r := start(t, NewEvents(pc, ""), 80, 24)
		r.shows("charge.refunded")
		r.keys("/", "charge.refunded", "enter", "enter", "G")
		r.shows("previous_attributes", "~ amount_refunded: 0 -> 400")
		requireGolden(t, eventIDs.ReplaceAllString(r.final(), "RANDOM"))
	})
}

// A token's timeline keeps to its story: the charge it made, not the
// other tokens' events.
func TestEventsTimelineKeepsToItsToken(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	rec := created(t, pc, "visa")
	use, _, err := pc.Session.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	eventful(t, pc)
	r := start(t, NewEvents(pc, rec.ID), 80, 24)
	s := r.shows(use.ObjectID, "1 event ")
	if strings.Contains(s.view, "customer.") || strings.Contains(s.view, "charge.failed") {
		t.Errorf("the timeline of %s shows other tokens' events:\n%s", rec.ID, s.view)
	}
}

// Moving past the last row keeps the selection on it; the rows scroll to
// keep it in sight.
func TestEventsSelectionScrolls(t *testing.T) {
	pc, _ := newContext(t, 80, 12, setup{})
	for range 4 {
		eventful(t, pc) // 16 events, 9 rows
	}
	r := start(t, NewEvents(pc, ""), 80, 12)
	r.shows("16 events")
	r.keys(down(20)...)
	s := r.until("the oldest selected", func(s snapshot) bool {
		lines := strings.Split(s.view, "\n")
		return strings.Contains(lines[len(lines)-1], "›")
	})
	if n := strings.Count(s.view, "\n") + 1; n != 12 {
		t.Errorf("the view is %d lines, want 12:\n%s", n, s.view)
	}
	if strings.Count(s.view, "›") != 1 {
		t.Errorf("not one row selected:\n%s", s.view)
	}
}

// Where a row does not fit, the request id gives way first, then the
// type is cut, then the deliveries and the time: the object's id stays
// whole while the terminal is wider than it.
func TestEventColumnsGiveWay(t *testing.T) {
	rows := []views.EventRow{{Time: "02:41:07", Type: "payment_intent.amount_capturable_updated",
		Object: "pi_3QxYg7Hi8jK9lM0nO1pQ2rS3", Request: "req_5mN8pQ2rS4tUvw",
		Delivered: []views.Segment{{Kind: views.Create, Text: "+1"}}}}
	for _, c := range []struct {
		w    int
		want columns
	}{
		{160, columns{time: 8, typ: 40, obj: 27, req: 18, del: 8}},
		{79, columns{time: 8, typ: 28, obj: 27, del: 8}},
		{60, columns{time: 8, typ: 12, obj: 27}},
		{49, columns{typ: 12, obj: 27}},
	} {
		got := fitColumns(rows, c.w)
		if got != c.want {
			t.Errorf("at %d cells: %+v, want %+v", c.w, got, c.want)
		}
		if got.width() > c.w {
			t.Errorf("at %d cells the row is %d wide", c.w, got.width())
		}
	}
}

// Against a backend other than the in-process emulator (here the client
// on a handler, as for Stripe) the open view polls: a new event shows
// without a key.
func TestEventsPolledLive(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewEvents(pc, ""), 80, 24)
	r.shows("polled every 2s", "No events yet")
	charge := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	s := r.shows(charge, "1 event ")
	if !strings.Contains(s.view, "› ") {
		t.Errorf("the first event is not selected:\n%s", s.view)
	}
}
