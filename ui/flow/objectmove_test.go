package flow

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// authorized is a PaymentIntent of 20.00 usd waiting in requires_capture.
func authorized(t *testing.T, pc *common.ProgramContext) string {
	return used(t, pc, "visa", model.UseRequest{Kind: model.UsePaymentIntent, Amount: 2000, Currency: "usd", CaptureMethod: "manual"})
}

// lacks fails when the view holds any of texts (a key offered that does
// not apply).
func lacks(t *testing.T, s snapshot, texts ...string) {
	t.Helper()
	for _, x := range texts {
		if strings.Contains(s.view, x) {
			t.Errorf("%q shown:\n%s", x, s.view)
		}
	}
}

// c captures part of an authorized PaymentIntent after its plan; the
// rest is released, and what it now allows (a refund) replaces what it
// allowed (capture, cancel).
func TestObjectPaneCapturesInPart(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	pi := authorized(t, pc)
	r := start(t, NewObject(pc, pi), 80, 24)
	s := r.shows("requires_capture", "c: capture · x: cancel PI")
	lacks(t, s, "b: refund", "a: pass 3DS", "v: verify", "p: charge")
	r.keys("b", "v", "p") // not allowed here: nothing opens
	r.keys("c")
	r.shows("Capture pi_", "Capture    2000", "at most 20.00 usd")
	r.keys("ctrl+u", "1500", "enter")
	r.shows(`~ status            = "requires_capture" -> "succeeded"`,
		"amount_to_capture = 1500", "the other 5.00 usd", "/capture", "Plan: 0 to add, 1 to change")
	r.keys("enter")
	s = r.shows("captured 15.00 usd: succeeded", "amount_received 15.00 usd", "b: refund")
	lacks(t, s, "c: capture", "x: cancel")
}

// x cancels an authorized PaymentIntent after its plan, which says the
// authorization is released; esc from the plan goes back to the pane.
func TestObjectPaneCancels(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	pi := authorized(t, pc)
	r := start(t, NewObject(pc, pi), 80, 24)
	r.shows("x: cancel PI")
	r.keys("x")
	r.shows(`"requires_capture" -> "canceled"`, "amount_capturable = 2000 -> 0", "authorization of 20.00 usd is")
	r.keys("esc")
	r.shows("PaymentIntent "+pi, "x: cancel PI")
	r.keys("x", "enter")
	s := r.shows("canceled "+pi, "status         canceled: it can no longer be used", "released uncaptured", "r: refresh")
	lacks(t, s, "x: cancel", "c: capture", "b: refund", "canceled: canceled")
}

// b refunds part of a charge, then (the form filled with what remains)
// the rest; a charge refunded in full offers b no more.
func TestObjectPaneRefundsInPartThenInFull(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	ch := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1500, Currency: "usd"})
	r := start(t, NewObject(pc, ch), 80, 24)
	r.shows("charge "+ch, "b: refund")
	r.keys("b")
	r.shows("Refund     1500", "15.00 usd remains")
	r.keys("ctrl+u", "500", "enter")
	r.shows(`+ refund "`+ch+`"`, "amount = 500   (5.00 usd of the 15.00 usd that remains)",
		"amount_refunded = 0 -> 500", "Plan: 1 to add, 1 to change")
	r.keys("enter")
	r.shows("refunded: refund re_", "amount_refunded 5.00 usd", "b: refund")
	r.keys("b")
	r.shows("Refund     1000")
	r.keys("enter")
	r.shows("amount_refunded = 500 -> 1500", "refunded        = false -> true")
	r.keys("enter")
	s := r.shows("amount_refunded 15.00 usd", "refunded        true", "enter: open its objects")
	lacks(t, s, "b: refund")
}

// A refund of more than remains is sent as typed, as the plan warns;
// Stripe's amount_too_large is explained with the pane's keys, and b
// opens the form with all that remains filled in, as the next step says.
func TestObjectPaneRefundTooLargeIsExplained(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	ch := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1500, Currency: "usd"})
	r := start(t, NewObject(pc, ch), 80, 24)
	r.shows("b: refund")
	r.keys("b", "ctrl+u", "9999", "enter")
	r.shows("amount = 9999   (more than the 15.00 usd that remains: expected", "amount_too_large)")
	r.keys("enter")
	r.shows("code          amount_too_large", "next          refund at most what remains: b on the charge or its")
	r.keys("b")
	s := r.shows("Refund     1500")
	lacks(t, s, "9999")
}

// A paid PaymentIntent's refund reads its charge: what remains, and the
// refund of the PaymentIntent shows there.
func TestObjectPaneRefundsAPaymentIntent(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	pi := used(t, pc, "visa", model.UseRequest{Kind: model.UsePaymentIntent, Amount: 2000, Currency: "usd"})
	r := start(t, NewObject(pc, pi), 80, 24)
	r.shows("succeeded", "b: refund")
	r.keys("b", "ctrl+u", "700", "enter")
	r.shows(`+ payment_intent = "`+pi+`"`, "amount_refunded = 0 -> 700", "~ charge \"ch_")
	r.keys("enter")
	r.shows("refunded: refund re_", "amount_refunded 7.00 usd")
}

// disputed is a charge of the dispute_fraudulent card and its dispute.
func disputed(t *testing.T, pc *common.ProgramContext) (ch, du string) {
	ch = used(t, pc, "dispute_fraudulent", model.UseRequest{Kind: model.UseCharge, Amount: 1500, Currency: "usd"})
	d, found, err := pc.Session.DisputeOf(context.Background(), ch)
	if err != nil || !found {
		t.Fatalf("no dispute for %s: %v", ch, err)
	}
	return ch, d.ID
}

// A disputed charge names its dispute (enter opens it) and offers no
// refund: the money goes back through the dispute.
func TestObjectPaneDisputedChargeNamesItsDispute(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	ch, du := disputed(t, pc)
	r := start(t, NewObject(pc, ch), 80, 24)
	s := r.shows("dispute        "+du, "dispute_status needs_response (fraudulent)", "enter: open its objects")
	lacks(t, s, "b: refund")
}

// w answers an open dispute: test evidence puts it under review, to be
// won or lost a few seconds later as the plan says; close accepts the
// loss; an answered dispute offers w no more.
func TestObjectPaneAnswersADispute(t *testing.T) {
	for _, c := range []struct {
		name string
		keys []string
		plan []string
		want string
	}{
		{"winning", nil, []string{`+ evidence.uncategorized_text = "winning_evidence"`, `"needs_response" -> "under_review"`, "test mode decides winning_evidence: won"},
			"dispute answered: under_review"},
		{"losing", []string{"down"}, []string{`"losing_evidence"`, `"needs_response" -> "under_review"`, "test mode decides losing_evidence: lost"},
			"dispute answered: under_review"},
		{"close", []string{"down", "down"}, []string{"/close", `"needs_response" -> "lost"   (the loss is accepted)`}, "dispute answered: lost"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pc, _ := newContext(t, 80, 24, setup{})
			_, du := disputed(t, pc)
			r := start(t, NewObject(pc, du), 80, 24)
			r.shows("needs_response", "w: answer dispute")
			r.keys("w")
			r.shows("Answer the dispute", "winning_evidence", "losing_evidence", "close")
			r.keys(append(c.keys, "enter")...)
			r.shows(c.plan...)
			r.keys("enter")
			s := r.shows(c.want)
			lacks(t, s, "w: answer")
		})
	}
}

// esc steps back: from the plan to the form, the amount typed kept; from
// the form to the pane, nothing sent.
func TestObjectMoveEscStepsBack(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	pi := authorized(t, pc)
	r := start(t, NewObject(pc, pi), 80, 24)
	r.shows("c: capture")
	r.keys("c", "ctrl+u", "1234", "enter")
	r.shows("amount_to_capture = 1234")
	r.keys("esc")
	r.shows("Capture    1234")
	r.keys("esc")
	r.shows("PaymentIntent "+pi, "requires_capture", "c: capture")
}

// The charge form and plan of a customer with a verified bank account at
// 80x24.
func TestObjectChargePlanGolden(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
	r := start(t, NewObject(pc, cus), 80, 24)
	r.keys("v", "enter", "enter")
	r.shows("p: charge")
	r.keys("p", "ctrl+u", "2500", "enter")
	r.shows("Plan: 1 to add")
	requireGolden(t, r.final())
}

// An authorized PaymentIntent's pane, its capture form and plan, at 80x24
// and (the plan scrolls) at 40x12.
func TestObjectCaptureGolden(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			pc, _ := newContext(t, size.w, size.h, setup{})
			pi := authorized(t, pc)
			r := start(t, NewObject(pc, pi), size.w, size.h)
			r.shows("c: capture")
			pane := r.h.snap().view
			r.keys("c")
			r.shows("Capture    2000")
			form := r.h.snap().view
			r.keys("ctrl+u", "1500", "enter")
			r.shows("Plan: 0 to add")
			requireGolden(t, strings.Join([]string{pane, form, r.final()}, "\n\n----\n\n"))
		})
	}
}

// A pane taller than the terminal scrolls: an error's end, its next
// step, is in sight when it comes, and ↑ goes back to the object's rows.
func TestObjectPaneScrollsToTheError(t *testing.T) {
	pc, _ := newContext(t, 60, 20, setup{})
	ch := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1500, Currency: "usd"})
	r := start(t, NewObject(pc, ch), 60, 20)
	s := r.shows("b: refund")
	lacks(t, s, "more below") // the charge alone fits
	r.keys("b", "ctrl+u", "9999", "enter", "enter")
	s = r.shows("↑ more above (↑/↓ scroll)", "next ")
	lacks(t, s, "status        succeeded")
	r.keys("pgup", "pgup")
	s = r.shows("status        succeeded", "↓ more below (↑/↓ scroll)")
	lacks(t, s, "next ")
	if n := len(strings.Split(s.view, "\n")); n > 20 {
		t.Errorf("%d lines in a pane of 20:\n%s", n, s.view)
	}
}

// The outcome of a PaymentIntent with manual capture offers c and x,
// which open its pane at the capture's form (or the cancel's plan).
func TestUseOutcomeOffersCapture(t *testing.T) {
	pc, _ := newContext(t, 120, 40, setup{})
	rec := created(t, pc, "visa")
	r := start(t, NewUse(pc, rec), 120, 40)
	r.shows("pay a PaymentIntent")
	r.keys("down", "down", "down")
	r.shows("tab: change them")
	r.keys("tab")
	r.shows("┃ Amount")
	r.keys("tab", "tab")
	r.shows("manual: waits in requires_capture")
	r.keys("down", "enter")
	r.shows(`capture_method = "manual"`)
	r.keys("enter")
	r.shows("c: capture it · x: cancel it · any other key: close")
	r.keys("c")
	r.shows("Capture pi_", "Capture    1000")
	r.keys("enter", "enter")
	s := r.shows("captured 10.00 usd: succeeded", "b: refund")
	lacks(t, s, "c: capture")
}

// A pane read before the PaymentIntent was captured elsewhere (the CLI,
// another terminal) still offers c; Stripe's payment_intent_unexpected_state
// is explained with the pane's keys, and r shows where it stands.
func TestObjectPaneStaleCaptureIsExplained(t *testing.T) {
	pc, _ := newContext(t, 100, 40, setup{})
	pi := authorized(t, pc)
	r := start(t, NewObject(pc, pi), 100, 40)
	r.shows("c: capture")
	if _, err := pc.Session.Capture(context.Background(), pi, 0); err != nil {
		t.Fatal(err)
	}
	r.keys("c", "enter", "enter")
	r.shows("code          payment_intent_unexpected_state", "r reads the PaymentIntent again")
	r.keys("r")
	s := r.shows("status          succeeded", "b: refund")
	lacks(t, s, "c: capture", "payment_intent_unexpected_state")
}
