package flow

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// held is a charge of 20.00 usd authorized, not captured.
func held(t *testing.T, pc *common.ProgramContext) string {
	return used(t, pc, "visa", model.UseRequest{Kind: model.UseAuthorize, Amount: 2000, Currency: "usd"})
}

// c captures part of an authorization after its plan: the charge's
// capture, its amount (not a PaymentIntent's amount_to_capture); then
// neither c nor b's release is offered, but b's refund of what was taken.
func TestObjectPaneCapturesAnAuthorization(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	ch := held(t, pc)
	r := start(t, NewObject(pc, ch), 80, 24)
	s := r.shows("uncaptured", "c: capture · b: release")
	lacks(t, s, "x: cancel", "b: refund", "a: pass 3DS")
	r.keys("x", "a") // a PaymentIntent's keys: nothing opens
	r.keys("c")
	r.shows("Capture ch_", "Capture    2000", "at most 20.00 usd")
	r.keys("ctrl+u", "1500", "enter")
	s = r.shows("~ captured = false -> true", "+ amount   = 1500", "the other 5.00 usd is",
		"POST /v1/charges/"+ch+"/capture", "Plan: 0 to add, 1 to change")
	lacks(t, s, "amount_to_capture")
	r.keys("enter")
	s = r.shows("captured 15.00 usd: succeeded", "b: refund")
	lacks(t, s, "c: capture", "b: release")
}

// b on an authorization is its release: a plan that says so (a refund
// of all of it, no money moving), no amount to type, then the charge
// reads released and offers nothing more.
func TestObjectPaneReleasesAnAuthorization(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	ch := held(t, pc)
	r := start(t, NewObject(pc, ch), 80, 24)
	r.shows("b: release")
	r.keys("b")
	s := r.shows("Release "+ch, `~ status   = "uncaptured" -> "released"`, "authorization of 20.00 usd is released: no", "POST /v1/refunds")
	lacks(t, s, "Refund ch_", "┃")
	r.keys("enter")
	s = r.shows("released: ", "released")
	lacks(t, s, "c: capture", "b: release", "b: refund")
}

// A SetupIntent waiting for 3D Secure: its pane's a completes the
// challenge (the card is saved), f fails it (back to
// requires_payment_method, with the SetupIntent's error code).
func TestObjectPaneAnswersASetupIntent(t *testing.T) {
	for _, c := range []struct{ key, want string }{
		{"a", "3D Secure answered: succeeded"},
		{"f", "setup_intent_authentication_failure\n"},
	} {
		t.Run(c.key, func(t *testing.T) {
			pc, _ := newContext(t, 80, 24, setup{})
			seti := used(t, pc, "threeds_setup", model.UseRequest{Kind: model.UseSetupIntent})
			r := start(t, NewObject(pc, seti), 80, 24)
			r.shows("SetupIntent "+seti, "requires_action", "a: pass 3DS · f: fail 3DS")
			r.keys(c.key)
			s := r.shows(c.want)
			lacks(t, s, "a: pass 3DS")
		})
	}
}

// The use menu's authorization: its plan is the charge's with capture =
// false, its outcome an uncaptured charge whose c opens the charge's
// capture form.
func TestUseAuthorizeThenCapture(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	rec := created(t, pc, "visa")
	r := start(t, NewUse(pc, rec), 80, 24)
	r.keys(down(4)...)
	r.shows("› authorize (capture later)")
	r.keys("enter")
	r.shows(`+ charge "visa"`, "capture  = false", "to capture or release)", "POST /v1/charges")
	r.keys("enter")
	r.shows("charge uncaptured", "captured      false: authorized", "capture before", "c: capture it · b: release it")
	r.keys("c")
	r.shows("Capture ch_", "Capture    1000")
}

// The use menu's SetupIntent on a card that asks for 3D Secure: its a
// answers the challenge from the outcome, and the card is saved.
func TestUseSetupIntentThenAuthenticate(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	rec := created(t, pc, "threeds_setup")
	r := start(t, NewUse(pc, rec), 80, 24)
	r.keys(down(5)...)
	r.shows("› save with a SetupIntent")
	r.keys("enter")
	r.shows(`+ setup_intent "threeds_setup"`, `usage                = "off_session"`, "Plan: 3 to add")
	r.keys("enter")
	r.shows("SetupIntent requires_action", "customer      cus_", "a: complete the 3D Secure challenge")
	r.keys("a")
	r.shows("SetupIntent succeeded", "the card is saved for later payments")
}

// The plans and outcomes of the two uses, at 80x24 and 120x40.
func TestUseLaterGolden(t *testing.T) {
	cases := []struct {
		name, preset string
		down         int
		outcome      string
	}{
		{"authorize", "visa", 4, "c: capture it"},
		{"setup_intent", "threeds_setup", 5, "a: complete the 3D Secure challenge"},
		{"setup_intent_declined", "insufficient_funds", 5, "SetupIntent declined"},
	}
	for _, c := range cases {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				pc, _ := newContext(t, sz[0], sz[1], setup{})
				rec := created(t, pc, c.preset)
				r := start(t, NewUse(pc, rec), sz[0], sz[1])
				r.keys(down(c.down)...)
				r.keys("enter")
				plan := r.shows("Plan: ").view
				r.keys("enter")
				r.shows(c.outcome)
				requireGolden(t, strings.Join([]string{plan, r.final()}, "\n\n----\n\n"))
			})
		}
	}
}
