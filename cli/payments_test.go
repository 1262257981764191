package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/views"
)

// piOf reads the PaymentIntent id `use --payment-intent --json` made.
func piOf(t *testing.T, out string) (id, status string) {
	t.Helper()
	var u struct {
		Use struct {
			ObjectID string `json:"object_id"`
			Status   string `json:"status"`
		} `json:"use"`
	}
	if err := json.Unmarshal([]byte(out), &u); err != nil || !strings.HasPrefix(u.Use.ObjectID, "pi_") {
		t.Fatalf("use --json: %v\n%s", err, out)
	}
	return u.Use.ObjectID, u.Use.Status
}

func status(t *testing.T, out string) string {
	t.Helper()
	var pi struct{ Status string }
	if err := json.Unmarshal([]byte(out), &pi); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return pi.Status
}

// A 3DS card's PaymentIntent waits for authentication; authenticate
// completes it offline, --fail returns it to requires_payment_method; the
// token's detail follows.
func TestAuthenticateCLI(t *testing.T) {
	s := newSandbox(t)
	tok := s.create("card", "threeds_required")
	pi, st := piOf(t, s.ok("use", tok, "--payment-intent", "1000", "--json").out)
	if st != "requires_action" {
		t.Fatalf("status %s", st)
	}
	if got := s.ok("get", pi).out; !strings.Contains(got, "requires_action") || !strings.Contains(got, "tokenscope authenticate "+pi) {
		t.Errorf("get %s:\n%s", pi, got)
	}
	if st := status(t, s.ok("authenticate", pi, "--json").out); st != "succeeded" {
		t.Errorf("after authenticate: %s", st)
	}
	if show := s.ok("get", tok).out; !strings.Contains(show, pi+" (payment_intent succeeded") {
		t.Errorf("the token does not show what it became:\n%s", show)
	}
	again := s.expect(1, "authenticate", pi)
	if !strings.Contains(again.errOut, "payment_intent_unexpected_state") {
		t.Errorf("second authenticate:\n%s", again.errOut)
	}

	tok = s.create("card", "threeds_always")
	pi, _ = piOf(t, s.ok("use", tok, "--payment-intent", "1000", "--return-url", "https://example.com/done", "--json").out)
	r := s.ok("authenticate", pi, "--fail")
	if !strings.Contains(r.out, "requires_payment_method") || !strings.Contains(r.out, "payment_intent_authentication_failure") {
		t.Errorf("authenticate --fail:\n%s", r.out)
	}
}

// A card that declines after 3D Secure: authenticate says so, with the
// decline's codes, and exits 1 as a decline does; --json prints the
// PaymentIntent only.
func TestAuthenticateThenDeclined(t *testing.T) {
	s := newSandbox(t)
	pi, _ := piOf(t, s.ok("use", s.create("card", "threeds_no_funds"), "--payment-intent", "1500", "--json").out)
	r := s.expect(1, "authenticate", pi)
	if !strings.HasPrefix(r.out, "authenticated, then declined: PaymentIntent "+pi) ||
		!strings.Contains(r.errOut, "code            card_declined") || !strings.Contains(r.errOut, "decline_code    insufficient_funds") ||
		!strings.Contains(r.errOut, "3D Secure was completed") {
		t.Errorf("authenticate of a card declined after 3DS:\nstdout %s\nstderr %s", r.out, r.errOut)
	}
	pi, _ = piOf(t, s.ok("use", s.create("card", "threeds_declined"), "--payment-intent", "1500", "--json").out)
	if st := status(t, s.expect(1, "authenticate", pi, "--json").out); st != "requires_payment_method" {
		t.Errorf("--json: status %s", st)
	}
}

func TestCaptureCancelCLI(t *testing.T) {
	s := newSandbox(t)
	pi, st := piOf(t, s.ok("use", s.create("card", "visa"), "--payment-intent", "1000", "--capture", "manual", "--json").out)
	if st != "requires_capture" {
		t.Fatalf("status %s", st)
	}
	r := s.ok("capture", pi, "--amount", "400")
	if !strings.Contains(r.out, "captured PaymentIntent "+pi) || !strings.Contains(r.out, "4.00 usd") {
		t.Errorf("capture:\n%s", r.out)
	}
	r = s.expect(1, "cancel", pi, "--json")
	var e views.ErrorJSON
	if err := json.Unmarshal([]byte(r.out), &e); err != nil || e.Error.Code != "payment_intent_unexpected_state" {
		t.Errorf("cancel a succeeded PaymentIntent: %s", r.out)
	}
	pi, _ = piOf(t, s.ok("use", s.create("card", "visa"), "--payment-intent", "1000", "--capture", "manual", "--json").out)
	if st := status(t, s.ok("cancel", pi, "--json").out); st != "canceled" {
		t.Errorf("cancel: %s", st)
	}
	s.expect(2, "capture", "cus_123")
	s.expect(2, "capture", pi, "--amount", "1.50")
}

func TestUsePaymentIntentDeclineCLI(t *testing.T) {
	s := newSandbox(t)
	r := s.expect(1, "use", s.create("card", "generic_decline"), "--payment-intent", "1000", "--json")
	var e views.ErrorJSON
	if err := json.Unmarshal([]byte(r.out), &e); err != nil || e.Error.DeclineCode != "generic_decline" || !strings.HasPrefix(e.Error.PaymentIntent, "pi_") {
		t.Fatalf("%v %s", err, r.out)
	}
	if got := s.ok("get", e.Error.PaymentIntent).out; !strings.Contains(got, "requires_payment_method") || !strings.Contains(got, "card_declined / generic_decline") {
		t.Errorf("get:\n%s", got)
	}
	pm := s.ok("use", s.create("card", "visa"), "--payment-method").out
	if !strings.Contains(pm, "made PaymentMethod pm_") {
		t.Errorf("payment method:\n%s", pm)
	}
	plan := s.ok("use", s.create("card", "threeds_always"), "--payment-intent", "1000", "--dry-run").out
	if !strings.Contains(plan, "requires_action") {
		t.Errorf("plan lacks the expected outcome:\n%s", plan)
	}
}
