package client_test

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// A PaymentMethod made of a card token attaches to a customer and
// detaches, in request shapes stripe-mock accepts; against the emulator
// the PaymentMethod names its customer, then none.
func TestAttachDetach(t *testing.T) {
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			c := tg.open(t)
			tok, err := c.Create(t.Context(), testio.Preset(t, "visa"))
			if err != nil {
				t.Fatal(err)
			}
			pm, err := c.Use(t.Context(), model.UseRequest{TokenID: tok.ID, Kind: model.UsePaymentMethod})
			if err != nil {
				t.Fatal(err)
			}
			tok, _ = c.Create(t.Context(), testio.Preset(t, "mastercard"))
			cus, err := c.Use(t.Context(), model.UseRequest{TokenID: tok.ID, Kind: model.UseCustomer})
			if err != nil {
				t.Fatal(err)
			}
			attached, err := c.Attach(t.Context(), pm.ObjectID, cus.ObjectID)
			if err != nil || attached.Kind != model.KindPaymentMethod {
				t.Fatalf("attach: %+v %v", attached, err)
			}
			detached, err := c.Detach(t.Context(), pm.ObjectID)
			if err != nil {
				t.Fatalf("detach: %v", err)
			}
			if tg.name == "emulator" {
				if got := attached.Fields().Get("customer"); got != cus.ObjectID {
					t.Errorf("attached to %q, want %s", got, cus.ObjectID)
				}
				if got := detached.Fields().Get("customer"); got != "" {
					t.Errorf("detached, still on %q", got)
				}
			}
		})
	}
}

// An id that is no PaymentMethod's is refused unsent, naming what to do:
// a token is made a PaymentMethod first.
func TestAttachRefusesATokenID(t *testing.T) {
	c := offlineClient(t, "")
	_, err := c.Attach(t.Context(), "tok_visa", "cus_1")
	e, ok := model.AsError(err)
	if !ok || !e.Local || e.Code != "resource_missing" || e.Param != "payment_method" || len(c.Log().Entries()) != 0 {
		t.Errorf("attach of a token id: %+v (%d requests)", e, len(c.Log().Entries()))
	}
}

// A PaymentMethod detached from its customer cannot be attached again,
// as Stripe refuses it (and detach's help says): invalid_request_error,
// explained.
func TestDetachedPaymentMethodAttachesNoMore(t *testing.T) {
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			if tg.name == "stripe-mock" {
				t.Skip("stripe-mock keeps no state: it cannot know the PaymentMethod was detached, and attaches it again")
			}
			c := tg.open(t)
			tok, err := c.Create(t.Context(), testio.Preset(t, "visa"))
			if err != nil {
				t.Fatal(err)
			}
			pm, err := c.Use(t.Context(), model.UseRequest{TokenID: tok.ID, Kind: model.UsePaymentMethod})
			if err != nil {
				t.Fatal(err)
			}
			tok, _ = c.Create(t.Context(), testio.Preset(t, "mastercard"))
			cus, err := c.Use(t.Context(), model.UseRequest{TokenID: tok.ID, Kind: model.UseCustomer})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Attach(t.Context(), pm.ObjectID, cus.ObjectID); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Detach(t.Context(), pm.ObjectID); err != nil {
				t.Fatal(err)
			}
			_, err = c.Attach(t.Context(), pm.ObjectID, cus.ObjectID)
			e, ok := model.Explained(err)
			if !ok || e.Type != model.TypeInvalidRequest || e.HTTPStatus != 400 || !strings.Contains(e.Message, "may not be used again") {
				t.Fatalf("attach after detach: %+v", e)
			}
			if !strings.Contains(e.Why, "detached") {
				t.Errorf("why %q does not say a detached PaymentMethod is done with", e.Why)
			}
		})
	}
}
