package flow

import (
	"strings"
	"testing"
)

// A card number typed on the preset list is the card's number, not a
// filter: "4" matched diners_14, which filled Number, and enter planned
// the diners card. The digits go to Number (emptied for them), the
// preset becomes custom, and the plan is of the number typed.
func TestNumberTypedOnThePresetList(t *testing.T) {
	for _, typed := range [][]string{{"4000000000000341"}, strings.Split("4000000000000341", "")} {
		pc, _ := newContext(t, 80, 24, setup{})
		r := start(t, NewToken(pc), 80, 24)
		r.keys("enter")
		r.shows("┃ Preset")
		r.keys(typed...)
		s := r.shows("┃ Number", "4000000000000341", "Preset     custom")
		if strings.Contains(s.view, "diners") || strings.Contains(s.view, "/4") {
			t.Errorf("%d keys: the digits filtered the presets:\n%s", len(typed), s.view)
		}
		r.keys("enter")
		s = r.shows("Plan: 1 to add", "•••• •••• •••• 0341")
		if strings.Contains(s.view, "diners") {
			t.Errorf("%d keys: the plan is of another card:\n%s", len(typed), s.view)
		}
	}
}

// enter on a filter no preset matches plans nothing (it planned the
// preset hovered before) and says why.
func TestEnterOnAFilterThatMatchesNothing(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("threedsjj")
	r.shows("/threedsjj")
	r.keys("enter")
	s := r.shows("no preset matches")
	if strings.Contains(s.view, "Plan:") {
		t.Fatalf("a plan was shown for a filter that matches nothing:\n%s", s.view)
	}
	r.keys("esc")
	if s := r.shows("┃ Preset", "› "); strings.Contains(s.view, "/threedsjj") {
		t.Errorf("esc did not clear the filter:\n%s", s.view)
	}
}
