package emulator

import (
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// TestUpdateDeleteConformance makes the update, delete and Connect list
// requests through stripe-go against the emulator and stripe-mock (which
// takes only requests that match Stripe's spec); content is checked on
// the emulator only, stripe-mock answering with fixtures.
func TestUpdateDeleteConformance(t *testing.T) {
	onBothBackends(t, func(t *testing.T, c *stripe.Client, offline bool, must func(string, error)) {
		cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String("tok_visa")})
		must("create customer", err)
		up, err := c.V1Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{
			Email: stripe.String("jenny@example.com"), Name: stripe.String("Jenny Rosen"), Phone: stripe.String("+15555550100"),
			Address: &stripe.AddressParams{Line1: stripe.String("1 Main St"), PostalCode: stripe.String("94107"), Country: stripe.String("US")},
		})
		must("update customer", err)
		if offline && (up.Name != "Jenny Rosen" || up.Address == nil || up.Address.PostalCode != "94107") {
			t.Errorf("updated customer: %+v", up)
		}

		card, err := c.V1PaymentSources.Create(ctx, &stripe.PaymentSourceCreateParams{Customer: stripe.String(cus.ID),
			Source: &stripe.PaymentSourceSourceParams{Token: stripe.String("tok_mastercard")}})
		must("add a source", err)
		if offline {
			_, err = c.V1Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{DefaultSource: stripe.String(card.ID)})
			must("default_source", err)
		}
		gone, err := c.V1PaymentSources.Delete(ctx, card.ID, &stripe.PaymentSourceDeleteParams{Customer: stripe.String(cus.ID)})
		must("delete a source", err)
		if offline && (!gone.Deleted || gone.ID != card.ID) {
			t.Errorf("deleted source: %+v", gone)
		}

		ch, err := c.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(500), Currency: stripe.String("usd"), Source: &stripe.PaymentSourceSourceParams{Token: stripe.String("tok_visa")}})
		must("create charge", err)
		uch, err := c.V1Charges.Update(ctx, ch.ID, &stripe.ChargeUpdateParams{Description: stripe.String("hat"), Metadata: map[string]string{"order": "42"}})
		must("update charge", err)
		if offline && (uch.Description != "hat" || uch.Metadata["order"] != "42") {
			t.Errorf("updated charge: %q %v", uch.Description, uch.Metadata)
		}

		pi, err := c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd")})
		must("create PaymentIntent", err)
		upi, err := c.V1PaymentIntents.Update(ctx, pi.ID, &stripe.PaymentIntentUpdateParams{Amount: stripe.Int64(1500),
			Description: stripe.String("hat"), PaymentMethod: stripe.String("pm_card_visa")})
		must("update PaymentIntent", err)
		if offline && (upi.Amount != 1500 || upi.Status != stripe.PaymentIntentStatusRequiresConfirmation) {
			t.Errorf("updated PaymentIntent: %d %s", upi.Amount, upi.Status)
		}

		acct, err := c.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("express"), Country: stripe.String("US")})
		must("create an express account", err)
		if offline && (acct.Type != stripe.AccountTypeExpress || acct.Requirements == nil || len(acct.Requirements.CurrentlyDue) == 0) {
			t.Errorf("express account: type %s, requirements %+v", acct.Type, acct.Requirements)
		}
		al := &stripe.AccountListParams{}
		al.Limit = stripe.Int64(2)
		for _, err := range c.V1Accounts.List(ctx, al).All(ctx) {
			must("list accounts", err)
		}
		pl := &stripe.PersonListParams{Account: stripe.String(acct.ID), Relationship: &stripe.PersonListRelationshipParams{Representative: stripe.Bool(true)}}
		for _, err := range c.V1Persons.List(ctx, pl).All(ctx) {
			must("list persons", err)
		}

		del, err := c.V1Customers.Delete(ctx, cus.ID, nil)
		must("delete customer", err)
		if offline {
			if !del.Deleted {
				t.Errorf("deleted customer: %+v", del)
			}
			again, err := c.V1Customers.Retrieve(ctx, cus.ID, nil)
			if err != nil || !again.Deleted {
				t.Errorf("customer after delete: %+v %v", again, err)
			}
		}
	})
}
