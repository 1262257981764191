package model

import "testing"

func TestUseExpect(t *testing.T) {
	get := func(name string) *CardPreset { c, _ := CardByName(name); return c }
	cases := []struct {
		kind    UseKind
		card    string
		want    string
		capture string
	}{
		{UseCharge, "visa", "expected: succeeds", ""},
		{UseCharge, "expired_card", "expected: declined, expired_card", ""},
		{UseCharge, "elevated_risk", "expected: succeeds, risk elevated", ""},
		{UseCustomer, "lost_card", "expected: attach fails, card_declined / lost_card", ""},
		{UseCustomer, "customer_charge_fail", "expected: attaches", ""},
		{UseCharge, "customer_charge_fail", "expected: declined, card_declined / generic_decline", ""},
		{UsePaymentIntent, "visa", "expected: succeeded", ""},
		{UsePaymentIntent, "visa", "expected: requires_capture", "manual"},
	}
	for _, c := range cases {
		if got := UseExpect(UseRequest{Kind: c.kind, CaptureMethod: c.capture}, get(c.card)); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.kind, c.card, got, c.want)
		}
	}
}

func TestPlanCountsAndNoChanges(t *testing.T) {
	p := Plan{Changes: []Change{
		{Address: "token.a", Action: ActionCreate},
		{Address: "token.b", Action: ActionReplace},
		{Address: "token.c", Action: ActionUpdate},
	}}
	if a, c, d := p.Counts(); a != 2 || c != 1 || d != 1 {
		t.Errorf("Counts = %d, %d, %d; want 2, 1, 1", a, c, d)
	}
}

func TestChangeAddressParts(t *testing.T) {
	c := Change{Address: "charge.declined_insufficient"}
	if c.Type() != "charge" || c.Name() != "declined_insufficient" {
		t.Errorf("Type %q Name %q", c.Type(), c.Name())
	}
}

// A PaymentIntent's plan adds two objects: the PaymentMethod made of the
// token first, then the PaymentIntent.
func TestPaymentIntentPlanCountsItsPaymentMethod(t *testing.T) {
	p := Plan{Changes: []Change{PlanUse("pi", UseRequest{TokenID: "tok_1", Kind: UsePaymentIntent, Amount: 1000, Currency: "usd"})}}
	if a, _, _ := p.Counts(); a != 2 {
		t.Errorf("a PaymentIntent's plan adds %d, want 2", a)
	}
}
