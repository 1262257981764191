package flow

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// The tester's refund of 23 nines: the form says what is wrong once, and
// none of the pane's steps ("b on the charge … opens the form"), which
// mean nothing in the form itself.
func TestMoveFormAmountTooLargeSaidOnce(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	ch := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1500, Currency: "usd"})
	r := start(t, NewObject(pc, ch), 80, 24)
	r.shows("b: refund")
	r.keys("b", "ctrl+u", "99999999999999999999999", "enter")
	s := r.shows("amount_too_large", "largest amount")
	lacks(t, s, "b on the charge", "Plan:")
	if n := strings.Count(s.view, "amount_too_large"); n != 1 {
		t.Errorf("amount_too_large said %d times:\n%s", n, s.view)
	}
}

// 0 is a whole number: the capture form says it takes at least 1, not
// "a whole number up to 99999999".
func TestMoveFormCaptureZero(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewObject(pc, authorized(t, pc)), 80, 24)
	r.shows("c: capture")
	r.keys("c", "ctrl+u", "0", "enter")
	s := r.shows("amount_to_capture: parameter_invalid_integer, must be at least 1, in the")
	lacks(t, s, "up to 99999999", "Plan:")
	if n := strings.Count(s.view, "amount_to_capture:"); n != 1 {
		t.Errorf("the field is named %d times:\n%s", n, s.view)
	}
}

// An empty deposit is refused in the verification's words, not with an
// amount's example in dollars.
func TestMoveFormEmptyDeposit(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
	r := start(t, NewObject(pc, cus), 80, 24)
	r.shows("v: verify")
	r.keys("v", "ctrl+u", "enter")
	s := r.shows("amounts: parameter_invalid_integer, each deposit is a whole", "test mode: 32 and 45)")
	lacks(t, s, "5.00 usd", "Plan:")
	if n := strings.Count(s.view, "amounts:"); n != 1 {
		t.Errorf("the field is named %d times:\n%s", n, s.view)
	}
}

// A failed verification's next step says the deposits start at 32 and
// 45: v then opens the form with them, not with the amount that failed.
func TestMoveFormFailedVerifyStartsAgainAtTheTestDeposits(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
	r := start(t, NewObject(pc, cus), 80, 24)
	r.shows("v: verify")
	r.keys("v", "tab", "ctrl+u", "44", "enter")
	r.shows("amounts = [32, 44]")
	r.keys("enter")
	r.shows("bank_account_verification_failed", "press v again: the deposits start at 32 and 45")
	r.keys("v")
	s := r.shows("Deposit 1  32", "Deposit 2  45")
	lacks(t, s, "44")
}

// A currency that is no ISO code is refused in p's form, by the check the
// CLI uses, however enter is reached: no plan of "10.00 zzz".
func TestMoveFormChargeChecksTheCurrency(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
	r := start(t, NewObject(pc, cus), 80, 24)
	r.keys("v", "enter", "enter")
	r.shows("p: charge")
	r.keys("p", "tab", "ctrl+u", "zzz", "enter")
	s := r.shows("currency_invalid")
	lacks(t, s, "Plan:", "zzz)")
}
