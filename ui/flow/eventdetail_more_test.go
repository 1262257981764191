package flow

import (
	"strings"
	"testing"
)

// An event's detail taller than the view says where the rest is, as an
// object pane does: a charge's event in 16 rows hid its deliveries
// below, with nothing to say so.
func TestEventDetailSaysMoreBelow(t *testing.T) {
	pc, _ := newContext(t, 80, 16, setup{})
	eventful(t, pc)
	r := start(t, NewEvents(pc, ""), 80, 16)
	r.shows("charge.failed")
	r.keys("/", "succeeded", "enter", "enter")
	s := r.shows("Event evt_", "↓ more below (↑/↓ scroll)")
	if strings.Contains(s.view, "none: no webhook endpoint") {
		t.Fatalf("the detail fits: the test needs a taller one:\n%s", s.view)
	}
	if n := len(strings.Split(s.view, "\n")); n > 16 {
		t.Errorf("%d lines in a view of 16:\n%s", n, s.view)
	}
	r.keys("G")
	s = r.shows("none: no webhook endpoint", "↑ more above (↑/↓ scroll)")
	if n := len(strings.Split(s.view, "\n")); n > 16 {
		t.Errorf("%d lines in a view of 16:\n%s", n, s.view)
	}
}
