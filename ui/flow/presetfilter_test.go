package flow

import (
	"strings"
	"testing"
)

// A new filter, or a filter typed on, starts at its first match
// (testui#6). huh keeps its cursor's place in the filtered list and
// scrolls it to the top of the window: after "processing" and esc (the
// cursor low in the list), "thr" showed its last match alone, the eight
// above it hidden until up was pressed.
func TestPresetFilterStartsAtItsFirstMatch(t *testing.T) {
	for _, typed := range [][]string{{"thr"}, {"t", "h", "r"}} {
		pc, _ := newContext(t, 80, 24, setup{})
		r := start(t, NewToken(pc), 80, 24)
		r.keys("enter")
		r.shows("┃ Preset")
		r.keys("processing", "esc")
		r.shows("› processing_error", "card_velocity_exceeded")
		r.keys(typed...)
		s := r.shows("/thr", "› threeds_setup ", "threeds_processing")
		if n := strings.Count(s.view, "threeds"); n < 8 {
			t.Errorf("%q: %d matches shown, want them all:\n%s", typed, n, s.view)
		}
		// Down, then typing on: the narrower filter starts at its first
		// match again, and a filter no preset matches keeps the choice.
		r.keys("down", "down", "e")
		r.shows("/thre", "› threeds_setup ")
		r.keys("zzz")
		r.shows("/threzzz", "4000 0025 0000 3155")
		r.keys("esc")
		r.shows("› threeds_setup ")
	}
}
