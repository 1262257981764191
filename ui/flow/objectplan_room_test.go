package flow

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A move's plan takes the whole pane under its title: at 80x24 (a body
// of 80x21) the refund plan scrolled, "↓ more below", with two rows left
// blank under it; it is read whole now. Where it does not fit, it and
// its pane take every row.
func TestObjectMovePlanUsesThePane(t *testing.T) {
	for _, h := range []int{21, 14} {
		t.Run(fmt.Sprint(h), func(t *testing.T) {
			pc, _ := newContext(t, 80, h, setup{})
			ch := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1500, Currency: "usd"})
			r := start(t, NewObject(pc, ch), 80, h)
			r.shows("b: refund")
			r.keys("b")
			r.shows("Refund     1500")
			r.keys("ctrl+u", "500", "enter")
			s := r.shows("Plan: 1 to add")
			more, rows := strings.Contains(s.view, "more below"), len(strings.Split(s.view, "\n"))
			switch {
			case h == 21 && more:
				t.Errorf("at 80x21 the refund plan does not fit:\n%s", s.view)
			case h == 14 && (!more || rows != h):
				t.Errorf("at 80x14 the plan takes %d rows (more below: %v):\n%s", rows, more, s.view)
			}
		})
	}
}
