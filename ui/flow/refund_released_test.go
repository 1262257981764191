package flow

import (
	"context"
	"testing"
)

// After a partial capture the released rest was never captured and no
// refund counts it (Stripe since 2025-03-31.basil): the pane says how much
// was released, b offers all that was captured, and the plan of it
// predicts no amount_too_large (the emulator, as Stripe, refunds it).
func TestObjectPaneRefundAfterPartialCapture(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	pi := authorized(t, pc)
	if _, err := pc.Session.Capture(context.Background(), pi, 1500); err != nil {
		t.Fatal(err)
	}
	r := start(t, NewObject(pc, pi), 80, 24)
	s := r.shows("amount_captured 15.00 usd (5.00 usd released uncaptured)", "b: refund")
	lacks(t, s, "amount_refunded")
	r.keys("b")
	r.shows("Refund     1500", "15.00 usd remains")
	r.keys("enter")
	s = r.shows("= 1500   (15.00 usd, all that remains)", "amount_refunded = 0 -> 1500")
	lacks(t, s, "amount_too_large")
	r.keys("enter")
	r.shows("refunded: refund re_", "15.00 usd refunded")
}
