package flow

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A test card's number typed by hand keeps its identity: the picker says
// which test card the fields now are (custom for none), and the token
// made records it, so its detail and a use's plan know the card.
func TestTypedNumberIsItsTestCard(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("tab")
	r.shows("┃ Number")
	r.keys("ctrl+u", "4000000000009995")
	r.shows("Preset     insufficient_funds")
	r.keys("ctrl+u", "40000000")
	r.shows("Preset     custom")
	r.keys("ctrl+u", "4000002760003184")
	r.shows("Preset     threeds_always")
	r.keys("enter")
	r.shows("(test card: threeds_always)")
	r.keys("enter")
	s := r.until("created", func(s snapshot) bool { return s.done != nil })
	rec := s.done.Record
	if rec == nil || rec.Preset != "threeds_always" {
		t.Fatalf("the token made of a typed 3184: %+v", s.done)
	}
	// A token typed by hand before the form named its card has no preset:
	// a PaymentIntent's plan still expects what its card does.
	for _, preset := range []string{rec.Preset, ""} {
		typed := *rec
		typed.Preset = preset
		u := NewUse(pc, typed).(*Use)
		u.req.Kind = model.UsePaymentIntent
		if note := u.note(); len(note) != 1 || !strings.Contains(note[0], "threeds_always, expected: requires_action (3D Secure)") {
			t.Errorf("preset %q: the PaymentIntent plan's note is %q", preset, note)
		}
	}
}
