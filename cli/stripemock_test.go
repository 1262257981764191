package cli

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/stripemock"
)

// Every kind of create sends a request Stripe's OpenAPI spec accepts:
// stripe-mock refuses unknown or missing parameters with 400.
func TestStripeMockAcceptsEveryCreate(t *testing.T) {
	base := stripemock.Start(t)
	s := newSandbox(t)
	s.vars["STRIPE_API_KEY"] = "sk_test_123"
	for _, args := range [][]string{
		{"create", "card", "--preset", "visa"},
		{"create", "card", "--number", "4242424242424242", "--exp", "12/34", "--cvc", "123", "--name", "Jenny Rosen", "--zip", "94103"},
		{"create", "bank", "--preset", "bank_ok"},
		{"create", "bank", "--routing", "110000000", "--account", "000123456789", "--holder", "Jenny Rosen", "--holder-type", "company"},
		{"create", "pii", "--preset", "id_match"},
		{"create", "pii", "--id-number", "000000000"},
		{"create", "account", "--business-type", "individual", "--first-name", "Jenny", "--last-name", "Rosen"},
		{"create", "account", "--business-type", "company"},
	} {
		tok := token(t, s.ok(append([]string{"--api-base", base}, append(args, "--json")...)...).out)
		if tok.ID == "" || tok.Livemode {
			t.Errorf("%v: token %+v", args, tok)
		}
	}
	r := s.ok("--api-base", base, "get", "tok_visa")
	if !strings.Contains(r.out, "token tok_") {
		t.Errorf("get against stripe-mock:\n%s", r.out)
	}
	s.ok("--api-base", base, "use", "tok_visa", "--charge", "1000")
	s.ok("--api-base", base, "use", "tok_visa", "--customer")
	if ids := strings.Fields(s.ok("--api-base", base, "state", "list").out); len(ids) < 8 {
		t.Errorf("the url workspace holds %d tokens, want at least 8", len(ids))
	}

	// A loopback base URL may go without a key: a placeholder sk_test_ is sent.
	delete(s.vars, "STRIPE_API_KEY")
	s.ok("--api-base", base, "create", "card", "--preset", "mastercard")
}

// A scenario's steps send requests Stripe's spec accepts: refunds of a
// charge and of a PaymentIntent in part and in full, a capture, a cancel.
func TestStripeMockAcceptsSteps(t *testing.T) {
	base := stripemock.Start(t)
	s := newSandbox(t)
	s.vars["STRIPE_API_KEY"] = "sk_test_123"
	file := writeScenario(t, `
token "refunded" {
  card { preset = "visa" }
  use "charge" { amount = 2000 }
  refund { amount = 500 }
  refund {}
}
token "captured" {
  card { preset = "visa" }
  use "payment_intent" {
    amount         = 2000
    capture_method = "manual"
  }
  capture { amount = 1500 }
  refund { amount = 500 }
}
token "canceled" {
  card { preset = "visa" }
  use "payment_intent" {
    amount         = 2000
    capture_method = "manual"
  }
  cancel {}
}
`)
	r := s.ok("--api-base", base, "apply", file, "--auto-approve")
	for _, want := range []string{"refund.refunded[0]: Creation complete", "refund.refunded[1]: Creation complete",
		"capture.captured: Creation complete", "refund.captured: Creation complete", "cancel.canceled: Creation complete"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("apply against stripe-mock lacks %q:\n%s", want, r.out)
		}
	}
}
