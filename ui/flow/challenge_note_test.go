package flow

import (
	"strings"
	"testing"
)

// f in a PaymentIntent's pane fails the challenge: the note says so with
// "!" and the code, not "+" as for a success; a keeps "+".
func TestObjectPaneChallengeFailureIsMarked(t *testing.T) {
	for _, c := range []struct{ key, want, not string }{
		{"f", "! 3D Secure answered: requires_payment_method, payment_intent_authentication_failure", "+ 3D Secure"},
		{"a", "+ 3D Secure answered: succeeded", "! 3D Secure"},
	} {
		pc, _ := newContext(t, 100, 30, setup{})
		pi := threeDS(t, pc)
		r := start(t, NewObject(pc, pi), 100, 30)
		r.shows("PaymentIntent "+pi, "requires_action")
		r.keys(c.key)
		if s := r.shows(c.want); strings.Contains(s.view, c.not) {
			t.Errorf("%s: the note is marked %q:\n%s", c.key, c.not, s.view)
		}
	}
}
