package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// The uses that leave a step for later, and those steps, as tokenscope
// sends them: an authorization (capture=false) captured in part, another
// released by a refund, a card saved with a SetupIntent. stripe-mock
// checks each request against Stripe's spec; the emulator answers as
// test mode does (uncaptured, then succeeded; requires_action for a 3D
// Secure card, answered on its page).
func TestUseLaterConformance(t *testing.T) {
	ctx := context.Background()
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			c := tg.open(t)
			use := func(preset string, req model.UseRequest) model.Use {
				t.Helper()
				tok, err := c.Create(ctx, testio.Preset(t, preset))
				if err != nil {
					t.Fatal(err)
				}
				req.TokenID = tok.ID
				u, err := c.Use(ctx, req)
				if err != nil {
					t.Fatalf("use %s: %v", req.Kind, err)
				}
				return u
			}
			held := use("visa", model.UseRequest{Kind: model.UseAuthorize, Amount: 1000, Currency: "usd"})
			if !strings.HasPrefix(held.ObjectID, "ch_") || held.RequestID == "" {
				t.Errorf("authorize: %+v", held)
			}
			if tg.name == "emulator" && (held.Status != model.ChargeUncaptured || held.CaptureBefore == 0) {
				t.Errorf("authorize: status %q, capture_before %d; want uncaptured and a date", held.Status, held.CaptureBefore)
			}
			captured, err := c.Capture(ctx, held.ObjectID, 500)
			if err != nil {
				t.Errorf("capture %s: %v", held.ObjectID, err)
			} else if f := captured.Fields(); tg.name == "emulator" && (f.Get("captured") != "true" || f.Get("amount_captured") != "500") {
				t.Errorf("capture: captured %s, amount_captured %s", f.Get("captured"), f.Get("amount_captured"))
			}
			other := use("visa", model.UseRequest{Kind: model.UseAuthorize, Amount: 1000, Currency: "usd"})
			if _, err := c.Refund(ctx, model.RefundRequest{Of: other.ObjectID}); err != nil {
				t.Errorf("release %s: %v", other.ObjectID, err)
			}
			saved := use("threeds_setup", model.UseRequest{Kind: model.UseSetupIntent, ReturnURL: "https://example.com/done"})
			if !strings.HasPrefix(saved.ObjectID, "seti_") || !strings.HasPrefix(saved.PaymentMethod, "pm_") || !strings.HasPrefix(saved.Customer, "cus_") {
				t.Errorf("setup_intent: %+v", saved)
			}
			if tg.name == "emulator" {
				if saved.Status != model.PIRequiresAction {
					t.Errorf("setup_intent of a 3D Secure card: %s", saved.Status)
				}
				ch, err := c.Authenticate(ctx, saved.ObjectID, false)
				if err != nil || !ch.Answered || ch.PaymentIntent.Fields().Get("status") != model.PISucceeded {
					t.Errorf("authenticate %s: answered %v, %s, %v", saved.ObjectID, ch.Answered, ch.PaymentIntent.Fields().Get("status"), err)
				}
			}
			for _, e := range c.Log().Entries() {
				if e.Status != 200 {
					t.Errorf("%s %s answered %d (body %s)", e.Method, e.Path, e.Status, e.Body)
				}
			}
		})
	}
}
