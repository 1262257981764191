package flow

import (
	"regexp"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A refund of the refund_fails card succeeds, then fails 5 s later: r
// drops the pane's "refunded" line, which is no longer true, and the
// refund's own title says it failed.
func TestObjectPaneRefreshDropsAFailedRefundsLine(t *testing.T) {
	var later atomic.Int64 // seconds past the fixed clock
	pc, _ := newContext(t, 80, 24, setup{now: func() time.Time { return clock.Add(time.Duration(later.Load()) * time.Second) }})
	ch := used(t, pc, "refund_fails", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	r := start(t, NewObject(pc, ch), 80, 24)
	r.keys("b", "enter")
	r.shows("Plan: 1 to add")
	r.keys("enter")
	re := regexp.MustCompile(`refunded: refund (re_\w+)`).FindStringSubmatch(r.shows("+ refunded: refund re_", "10.00 usd refunded", "refunded        true").view)[1]
	later.Store(6)
	r.keys("r")
	s := r.shows("refunded      false")
	lacks(t, s, "refunded: refund re_")
	r = start(t, NewObject(pc, re), 80, 24)
	s = r.shows("refund "+re+"  10.00 usd refund failed", "failure_reason")
	lacks(t, s, "usd refunded")
}
