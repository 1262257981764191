package flow

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// used makes a token of preset and uses it as req asks, through the
// session, as if done earlier (or by pack:3ds); it returns the object id.
func used(t *testing.T, pc *common.ProgramContext, preset string, req model.UseRequest) string {
	t.Helper()
	rec := created(t, pc, preset)
	req.TokenID = rec.ID
	use, _, err := pc.Session.Use(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return use.ObjectID
}

// threeDS is a PaymentIntent waiting for 3D Secure.
func threeDS(t *testing.T, pc *common.ProgramContext) string {
	return used(t, pc, "threeds_always", model.UseRequest{Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
}

// A PaymentIntent's pane, opened long after its use, completes (a) or
// fails (f) its 3D Secure challenge; other keys do nothing to it.
func TestObjectPaneAnswersTheChallenge(t *testing.T) {
	for _, c := range []struct{ key, want string }{{"a", "3D Secure answered: succeeded"}, {"f", "3D Secure answered: requires_payment_method"}} {
		t.Run(c.key, func(t *testing.T) {
			pc, _ := newContext(t, 80, 24, setup{})
			pi := threeDS(t, pc)
			r := start(t, NewObject(pc, pi), 80, 24)
			r.shows("PaymentIntent "+pi, "requires_action", "a: pass 3DS · f: fail 3DS")
			r.keys("v", "p") // a customer's keys: nothing here
			r.keys(c.key)
			s := r.shows(c.want)
			if strings.Contains(s.view, "a: pass 3DS") {
				t.Errorf("the answered PaymentIntent still offers a:\n%s", s.view)
			}
		})
	}
}

// i takes any object id: a PaymentIntent's opens its pane.
func TestRetrieveOpensAnObject(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	pi := threeDS(t, pc)
	r := start(t, NewRetrieve(pc), 80, 24)
	r.keys(pi, "enter")
	r.shows("PaymentIntent "+pi, "requires_action")
	r.keys("esc")
	r.until("the pane closed", func(s snapshot) bool { return s.done != nil })
}

// A customer with a new bank account: v verifies it with 32 and 45 after
// its plan; only then does p charge it, after a form and a plan.
func TestObjectPaneVerifiesAndCharges(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
	r := start(t, NewObject(pc, cus), 80, 24)
	s := r.shows("customer "+cus, "bank_status    new: waits for its micro-deposits", "v: verify bank · enter: open its objects · r: refresh")
	if strings.Contains(s.view, "p: charge") {
		t.Errorf("an unverified bank account is offered a charge:\n%s", s.view)
	}
	r.keys("a", "p") // a PaymentIntent's key, and a charge not allowed yet: nothing
	r.keys("v")
	r.shows("Deposit 1  32", "Deposit 2  45")
	r.keys("enter")
	r.shows("amounts = [32, 45]", `status  = "new" -> "verified"`, "/verify")
	r.keys("enter")
	s = r.shows("verified ba_", "with 32 and 45: verified", "bank_status    verified: can be debited", "p: charge")
	if strings.Contains(s.view, "v: verify") {
		t.Errorf("a verified bank account is offered v:\n%s", s.view)
	}
	r.keys("p")
	r.shows("Amount     1000", "Currency   usd")
	r.keys("enter")
	r.shows(`+ charge "`+cus+`"`, "amount   = 1000   (10.00 usd)", "POST /v1/charges")
	r.keys("enter")
	r.shows("charged 10.00 usd: charge py_", "pending")
}

// The use outcome of a bank token attached to a customer offers v, which
// verifies the bank account in the customer's pane.
func TestUseOutcomeOffersVerify(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	rec := created(t, pc, "bank_ok")
	r := start(t, NewUse(pc, rec), 80, 24)
	r.keys("enter")
	r.shows("POST /v1/customers")
	r.keys("enter")
	r.shows("v: verify its bank account")
	r.keys("v")
	r.shows("Verify cus_", "Deposit 1  32")
	r.keys("enter", "enter")
	r.shows("verified ba_", "customer cus_")
}

// The object pane at 80x24: a customer with a bank account (a
// PaymentIntent's carries its random client secret).
func TestObjectPaneGolden(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
	r := start(t, NewObject(pc, cus), 80, 24)
	r.shows("v: verify bank")
	requireGolden(t, r.final())
}

// Keys typed while a request is in flight are handled once it answers:
// verify and charge in one burst, the p typed while the verification
// (and the read after it) were on their way.
func TestObjectPaneKeepsKeysTypedWhileBusy(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
	r := start(t, NewObject(pc, cus), 80, 24)
	r.shows("v: verify bank")
	r.keys("v", "enter", "enter", "p", "enter", "enter")
	r.shows("charged 10.00 usd: charge py_", "pending")
}
