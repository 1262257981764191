package views

import (
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A refusal Stripe gave no code reads "failed", not "failed: ".
func TestFailedUseWithoutCode(t *testing.T) {
	u := model.Use{Kind: model.UseAccount, Status: "failed"}
	if got := UseOutcome(u); got != "failed" {
		t.Errorf("UseOutcome: %q", got)
	}
	if got := UseBrief(u); got != "failed" {
		t.Errorf("UseBrief: %q", got)
	}
	u.Code = "token_already_used"
	if got := UseOutcome(u); got != "failed: token_already_used" {
		t.Errorf("UseOutcome with a code: %q", got)
	}
}
