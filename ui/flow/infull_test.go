package flow

import (
	"strings"
	"testing"
)

// A preset whose line the list cuts (at 80 columns, most 3D Secure
// cards) is said in full under the list while it is hovered, in rows
// kept for it, so the list does not jump as the cursor moves.
func TestHoveredPresetInFull(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	visa := r.shows("┃ Preset", "› visa ")
	r.keys("threeds_setup")
	s := r.shows("a plain charge: card_declined / authentication_required")
	if !strings.Contains(s.view, "threeds_setup: 3D Secure unless set up") {
		t.Errorf("the hovered preset is not said in full:\n%s", s.view)
	}
	if a, b := len(strings.Split(visa.view, "\n")), len(strings.Split(s.view, "\n")); a != b {
		t.Errorf("the form is %d rows with visa hovered, %d with threeds_setup", a, b)
	}
}

// The scenario picker says the selected pack in full when its line is
// cut: pack:connect's "custom account." was lost at 80 columns.
func TestSelectedScenarioInFull(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewScenario(pc), 80, 24)
	r.shows("pack:connect")
	r.keys("j", "j", "j")
	r.shows("› pack:connect", "custom account.")
}
