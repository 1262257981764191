package flow

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// p charges a customer's saved 0341 card, which declines with
// generic_decline as 0002 does: the explanation is the 0341 card's.
func TestObjectPaneChargeDeclineNamesTheCardUsed(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "customer_charge_fail", model.UseRequest{Kind: model.UseCustomer})
	r := start(t, NewObject(pc, cus), 80, 24)
	r.shows("p: charge")
	r.keys("p", "enter")
	r.shows("Plan: 1 to add")
	r.keys("enter")
	s := r.shows("generic_decline", "••••0341 attaches to a customer")
	lacks(t, s, "••••0002")
}

// A use's decline is explained by the token's card too.
func TestUseDeclineNamesTheCardUsed(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	rec := created(t, pc, "customer_charge_fail")
	_, _, err := pc.Session.Use(t.Context(), model.UseRequest{Kind: model.UseCharge, TokenID: rec.ID, Amount: 1000, Currency: "usd"})
	e, ok := model.AsError(err)
	if !ok || e.DeclineCode != "generic_decline" || !strings.HasPrefix(e.Why, "4000000000000341") {
		t.Fatalf("use of the 0341 card: %v, why %q", err, e.Why)
	}
}
