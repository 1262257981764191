package emulator

import (
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// TestSetupIntentConformance makes every SetupIntent request the
// emulator serves through stripe-go, against the emulator and against
// stripe-mock, which takes only requests that match Stripe's spec;
// content is checked on the emulator only, stripe-mock answering with
// fixtures.
func TestSetupIntentConformance(t *testing.T) {
	onBothBackends(t, func(t *testing.T, c *stripe.Client, offline bool, must func(string, error)) {
		cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{})
		must("create customer", err)
		si, err := c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Customer: stripe.String(cus.ID),
			PaymentMethodTypes: []*string{stripe.String("card")}, Usage: stripe.String("off_session"),
			Description: stripe.String("save for later"), Metadata: map[string]string{"order": "42"}})
		must("create SetupIntent", err)
		_, err = c.V1SetupIntents.Update(ctx, si.ID, &stripe.SetupIntentUpdateParams{PaymentMethod: stripe.String("pm_card_visa"),
			Metadata: map[string]string{"step": "2"}})
		must("update SetupIntent", err)
		get := &stripe.SetupIntentRetrieveParams{}
		get.AddExpand("payment_method")
		get.AddExpand("customer")
		got, err := c.V1SetupIntents.Retrieve(ctx, si.ID, get)
		must("retrieve SetupIntent expanded", err)
		if offline && (got.Status != stripe.SetupIntentStatusRequiresConfirmation || got.PaymentMethod == nil ||
			got.PaymentMethod.Card == nil || got.Customer == nil || got.Customer.Object != "customer" || got.Metadata["step"] != "2") {
			t.Errorf("expanded: %+v", got)
		}
		done, err := c.V1SetupIntents.Confirm(ctx, si.ID, &stripe.SetupIntentConfirmParams{ReturnURL: stripe.String("https://shop.example/saved")})
		must("confirm SetupIntent", err)
		if offline && done.Status != stripe.SetupIntentStatusSucceeded {
			t.Errorf("confirmed: %s", done.Status)
		}
		challenged, err := c.V1SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Customer: stripe.String(cus.ID),
			PaymentMethod: stripe.String("pm_card_authenticationRequired"), Confirm: stripe.Bool(true),
			ReturnURL: stripe.String("https://shop.example/saved"), Usage: stripe.String("on_session"),
			PaymentMethodTypes: []*string{stripe.String("card")}})
		must("create and confirm a 3D Secure SetupIntent", err)
		if offline && (challenged.Status != stripe.SetupIntentStatusRequiresAction || challenged.NextAction == nil ||
			challenged.NextAction.Type != stripe.SetupIntentNextActionTypeRedirectToURL) {
			t.Errorf("challenged: %+v", challenged)
		}
		canceled, err := c.V1SetupIntents.Cancel(ctx, challenged.ID, &stripe.SetupIntentCancelParams{CancellationReason: stripe.String("abandoned")})
		must("cancel SetupIntent", err)
		if offline && (canceled.Status != stripe.SetupIntentStatusCanceled || canceled.NextAction != nil) {
			t.Errorf("canceled: %+v", canceled)
		}
		pm := "pm_fixture" // stripe-mock's SetupIntent has none
		if done.PaymentMethod != nil {
			pm = done.PaymentMethod.ID
		}
		lp := &stripe.SetupIntentListParams{Customer: stripe.String(cus.ID), PaymentMethod: stripe.String(pm)}
		lp.Limit = stripe.Int64(1)
		lp.CreatedRange = &stripe.RangeQueryParams{GreaterThanOrEqual: 1}
		lp.AddExpand("data.customer")
		n := 0
		for _, err := range c.V1SetupIntents.List(ctx, lp).All(ctx) {
			must("list SetupIntents", err)
			n++
		}
		if offline && n != 1 {
			t.Errorf("listed %d by customer and payment_method", n)
		}
	})
}
