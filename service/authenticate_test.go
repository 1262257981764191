package service

import (
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// After authenticate the token's Use names the request that read the
// PaymentIntent's new status, not the one that created it, and the
// charge the PaymentIntent made.
func TestAuthenticateFollowsTheUse(t *testing.T) {
	s := newSession(t, t.TempDir())
	ctx := t.Context()
	rec, err := s.Create(ctx, testio.Preset(t, "threeds_required"), "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
	if err != nil || use.Status != model.PIRequiresAction {
		t.Fatalf("use: %v %+v", err, use)
	}
	ch, err := s.Authenticate(ctx, use.ObjectID, false)
	if err != nil || !ch.Answered {
		t.Fatalf("authenticate: %v %+v", err, ch)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	u := got.Uses[len(got.Uses)-1]
	charge := ch.PaymentIntent.Fields().Get("latest_charge")
	if u.Status != model.PISucceeded || u.RequestID == use.RequestID || u.RequestID != ch.PaymentIntent.RequestID ||
		charge == "" || u.Charge != charge {
		t.Errorf("use after authenticate: %+v (created by %s, charge %s)", u, use.RequestID, charge)
	}
}
