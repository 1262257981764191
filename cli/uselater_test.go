package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// useOf is the use use --json printed: its object, status, customer.
func useOf(t *testing.T, out string) (id, status, customer string) {
	t.Helper()
	var u struct {
		Use struct {
			ObjectID string `json:"object_id"`
			Status   string `json:"status"`
			Customer string `json:"customer"`
		} `json:"use"`
	}
	if err := json.Unmarshal([]byte(out), &u); err != nil {
		t.Fatalf("use --json: %v\n%s", err, out)
	}
	return u.Use.ObjectID, u.Use.Status, u.Use.Customer
}

// use --authorize holds the money; capture takes a ch_ (--amount a part
// of it, the rest released), and a second capture is Stripe's refusal;
// refund of another authorization releases it whole.
func TestAuthorizeThenCaptureCLI(t *testing.T) {
	s := newSandbox(t)
	plan := s.ok("use", s.create("card", "visa"), "--authorize", "1000", "--dry-run").out
	if !strings.Contains(plan, "capture  = false") || !strings.Contains(plan, "POST /v1/charges") {
		t.Errorf("plan:\n%s", plan)
	}
	r := s.ok("use", s.create("card", "visa"), "--authorize", "1000")
	if !strings.HasPrefix(r.out, "authorized tok_") || !strings.Contains(r.out, "(uncaptured)") ||
		!strings.Contains(r.out, "capture before ") || !strings.Contains(r.out, "tokenscope capture ch_") {
		t.Errorf("use --authorize:\n%s", r.out)
	}
	ch, st, _ := useOf(t, s.ok("use", s.create("card", "visa"), "--authorize", "1000", "--json").out)
	if !strings.HasPrefix(ch, "ch_") || st != "uncaptured" {
		t.Fatalf("use --authorize --json: %s %s", ch, st)
	}
	r = s.ok("capture", ch, "--amount", "700")
	if !strings.Contains(r.out, "captured charge "+ch) || !strings.Contains(r.out, "3.00 usd released uncaptured") {
		t.Errorf("capture ch_ --amount 700:\n%s", r.out)
	}
	if r = s.expect(1, "capture", ch); !strings.Contains(r.errOut, "charge_already_captured") {
		t.Errorf("second capture:\n%s", r.errOut)
	}
	other, _, _ := useOf(t, s.ok("use", s.create("card", "visa"), "--authorize", "500", "--json").out)
	if r = s.ok("refund", other, "--json"); !strings.Contains(r.out, `"amount": 500`) {
		t.Errorf("refund of an authorization:\n%s", r.out)
	}
	if got := s.ok("get", other).out; !strings.Contains(got, "released") {
		t.Errorf("get after the release:\n%s", got)
	}
	s.expect(2, "use", s.create("card", "visa"), "--authorize", "1.50")
}

// use --setup-intent saves a card: a 3D Secure card waits in
// requires_action until authenticate takes its seti_; --fail leaves it
// in requires_payment_method with the SetupIntent's error code.
func TestSetupIntentThenAuthenticateCLI(t *testing.T) {
	s := newSandbox(t)
	plan := s.ok("use", s.create("card", "threeds_setup"), "--setup-intent", "--dry-run").out
	if !strings.Contains(plan, `usage                = "off_session"`) || !strings.Contains(plan, "Plan: 3 to add") {
		t.Errorf("plan:\n%s", plan)
	}
	r := s.ok("use", s.create("card", "visa"), "--setup-intent")
	if !strings.HasPrefix(r.out, "SetupIntent seti_") || !strings.Contains(r.out, "succeeded: the card is saved") || !strings.Contains(r.out, "customer    cus_") {
		t.Errorf("use --setup-intent:\n%s", r.out)
	}
	seti, st, cus := useOf(t, s.ok("use", s.create("card", "threeds_setup"), "--setup-intent", "--return-url", "https://example.com/done", "--json").out)
	if !strings.HasPrefix(seti, "seti_") || st != "requires_action" || !strings.HasPrefix(cus, "cus_") {
		t.Fatalf("use --setup-intent --json: %s %s %s", seti, st, cus)
	}
	r = s.ok("authenticate", seti)
	if !strings.HasPrefix(r.out, "authenticated SetupIntent "+seti) || !strings.Contains(r.out, "succeeded") {
		t.Errorf("authenticate seti_:\n%s", r.out)
	}
	seti, _, _ = useOf(t, s.ok("use", s.create("card", "threeds_setup"), "--setup-intent", "--json").out)
	if st := status(t, s.ok("authenticate", seti, "--fail", "--json").out); st != "requires_payment_method" {
		t.Errorf("authenticate --fail: %s", st)
	}
	if r = s.expect(1, "use", s.create("card", "insufficient_funds"), "--setup-intent"); !strings.Contains(r.errOut, "insufficient_funds") {
		t.Errorf("a declined SetupIntent:\n%s", r.errOut)
	}
	s.expect(2, "use", s.create("card", "visa"), "--setup-intent", "--capture", "manual")
}
