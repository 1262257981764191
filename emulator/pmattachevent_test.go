package emulator

import (
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// Attaching a test PaymentMethod (pm_card_visa) attaches a clone of it,
// and is payment_method.attached, as any attach is: a suite waiting for
// that event after attach("pm_card_visa") gets it.
func TestAttachTestPaymentMethodEvent(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	cus := newCustomer(t, c)
	_, seen := newEventTypes(t, c, "")
	pm, err := c.V1PaymentMethods.Attach(ctx, "pm_card_visa", &stripe.PaymentMethodAttachParams{Customer: stripe.String(cus)})
	if err != nil || pm.ID == "pm_card_visa" || pm.Customer == nil || pm.Customer.ID != cus {
		t.Fatalf("attach: %v %+v", err, pm)
	}
	evs, _ := newEventTypes(t, c, seen)
	if len(evs) != 1 || evs[0] != "payment_method.attached" {
		t.Fatalf("events %v, want payment_method.attached alone", evs)
	}
	var ev *stripe.Event
	for e, err := range c.V1Events.List(ctx, &stripe.EventListParams{Type: stripe.String("payment_method.attached")}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		ev = e
		break
	}
	if ev == nil || ev.Data.Object["id"] != pm.ID || ev.Data.Object["customer"] != cus {
		t.Errorf("the event's object: %+v", ev)
	}
	listed := 0
	for got, err := range c.V1PaymentMethods.List(ctx, &stripe.PaymentMethodListParams{Customer: stripe.String(cus)}).All(ctx) {
		if err != nil || got.ID != pm.ID {
			t.Errorf("the customer's PaymentMethod: %v %+v", err, got)
		}
		listed++
	}
	if listed != 1 {
		t.Errorf("the customer has %d PaymentMethods, want 1", listed)
	}
}
