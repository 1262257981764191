package model

import (
	"strings"
	"testing"
)

// attrsText is a change's request and attributes, one per line.
func attrsText(c Change) string {
	lines := []string{string(c.Action) + " " + c.Address + " " + c.Request}
	for _, a := range c.Attrs {
		l := a.Name + " = " + a.Value
		if a.Old != "" {
			l = a.Name + " = " + a.Old + " -> " + a.Value
		}
		if a.Note != "" {
			l += "  (" + a.Note + ")"
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// An authorization is planned as the charge use, with capture = false; a
// SetupIntent as the request that saves the card, counting the
// PaymentMethod and customer made before it.
func TestPlanLaterUses(t *testing.T) {
	c := PlanUse("visa", UseRequest{TokenID: "tok_1", Kind: UseAuthorize, Amount: 1000, Currency: "usd"}, "expected: x")
	want := `create charge.visa POST /v1/charges
amount = 1000  (10.00 usd)
currency = "usd"
capture = false  (authorized only: capture or release it later)
source = "tok_1"  (expected: x)
id = (known after apply)`
	if got := attrsText(c); got != want {
		t.Errorf("authorize plan:\n%s\nwant:\n%s", got, want)
	}
	c = PlanUse("saved", UseRequest{TokenID: "tok_1", Kind: UseSetupIntent, ReturnURL: "https://example.com/done"})
	want = `create setup_intent.saved POST /v1/setup_intents
confirm = true
usage = "off_session"
payment_method_types = ["card"]
payment_method = (known after apply)  (made of the token first)
customer = (known after apply)  (a new one, made first)
card.token = "tok_1"
return_url = "https://example.com/done"
id = (known after apply)
status = (known after apply)`
	if got := attrsText(c); got != want {
		t.Errorf("setup_intent plan:\n%s\nwant:\n%s", got, want)
	}
	if a, _, _ := (Plan{Changes: []Change{c}}).Counts(); a != 3 {
		t.Errorf("a SetupIntent's plan adds %d, want 3", a)
	}
}

func TestUseExpectLater(t *testing.T) {
	get := func(name string) *CardPreset { c, _ := CardByName(name); return c }
	cases := []struct {
		kind       UseKind
		card, want string
	}{
		{UseAuthorize, "visa", "expected: uncaptured, to capture or release"},
		{UseAuthorize, "insufficient_funds", "expected: declined, card_declined / insufficient_funds"},
		{UseSetupIntent, "visa", "expected: succeeded, the card saved for off-session payments"},
		{UseSetupIntent, "threeds_setup", "expected: requires_action (3D Secure), then succeeded"},
		// Frictionless or merely supported, 3D Secure asks nothing of the customer.
		{UseSetupIntent, "threeds_frictionless", "expected: succeeded, the card saved for off-session payments"},
		{UseSetupIntent, "threeds_supported", "expected: succeeded, the card saved for off-session payments"},
		{UsePaymentIntent, "threeds_frictionless", "expected: succeeded"},
		{UseSetupIntent, "insufficient_funds", "expected: declined, card_declined / insufficient_funds; back to requires_payment_method"},
	}
	for _, c := range cases {
		if got := UseExpect(UseRequest{Kind: c.kind}, get(c.card)); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.kind, c.card, got, c.want)
		}
	}
}

// An authorization (a Charges API charge not captured) allows capture
// and release, not refund; captured, released, or a PaymentIntent's, it
// allows neither. A SetupIntent waiting for 3D Secure allows its answer.
func TestAuthorizationMoves(t *testing.T) {
	held, err := DecodeFields([]byte(`{"id": "ch_1", "status": "succeeded", "captured": false, "refunded": false, "amount": 2000, "amount_captured": 0, "amount_refunded": 0, "currency": "usd"}`))
	if err != nil {
		t.Fatal(err)
	}
	s := Subject{ID: "ch_1", F: held}
	if got := s.Moves(); len(got) != 2 || got[0] != MoveCapture || got[1] != MoveRelease {
		t.Errorf("an authorization's moves: %v", got)
	}
	c := attrsText(PlanMove(MoveCapture, s, MoveInput{Amount: 1500})[0])
	if !strings.Contains(c, "POST /v1/charges/ch_1/capture") || !strings.Contains(c, "captured = false -> true") ||
		!strings.Contains(c, "amount = 1500  (15.00 usd of 20.00 usd; the other 5.00 usd is released)") {
		t.Errorf("capture plan:\n%s", c)
	}
	r := PlanMove(MoveRelease, s, MoveInput{})
	if len(r) != 2 || !strings.Contains(attrsText(r[0]), "amount = 2000  (the whole authorization of 20.00 usd is released: no money moves)") ||
		!strings.Contains(attrsText(r[1]), `status = "uncaptured" -> "released"`) {
		t.Errorf("release plan: %+v", r)
	}
	for name, f := range map[string]Fields{
		"captured": {"id": "ch_1", "status": "succeeded", "captured": true, "amount": float64(2000)},
		"released": {"id": "ch_1", "status": "succeeded", "captured": false, "refunded": true, "amount": float64(2000)},
		"a PI's":   {"id": "ch_1", "status": "succeeded", "captured": false, "refunded": false, "payment_intent": "pi_1"},
		"failed":   {"id": "ch_1", "status": "failed", "captured": false},
	} {
		s := Subject{ID: "ch_1", F: f}
		if s.Allows(MoveCapture) || s.Allows(MoveRelease) {
			t.Errorf("a %s charge allows capture or release: %v", name, s.Moves())
		}
	}
	seti := Subject{ID: "seti_1", F: Fields{"id": "seti_1", "status": PIRequiresAction}}
	if got := seti.Moves(); len(got) != 1 || got[0] != MoveAuthenticate {
		t.Errorf("a SetupIntent in requires_action: %v", got)
	}
	seti.F = Fields{"id": "seti_1", "status": PISucceeded}
	if got := seti.Moves(); len(got) != 0 {
		t.Errorf("a succeeded SetupIntent: %v", got)
	}
}
