package emulator

import (
	"net/http"
	"testing"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/internal/stripemock"
)

// TestProtocolConformance makes the list, expand and version requests the
// other tests check on the emulator against stripe-mock too, through
// stripe-go. stripe-mock checks every request against Stripe's spec
// (unknown or malformed parameters are a 400 there) and answers with
// fixtures, so against it only acceptance counts: the requests the
// emulator serves are requests Stripe takes.
func TestProtocolConformance(t *testing.T) {
	onBothBackends(t, func(t *testing.T, c *stripe.Client, _ bool, must func(string, error)) {
		cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.String("jenny@example.com"), Source: stripe.String("tok_visa")})
		must("create customer", err)
		cp := &stripe.ChargeCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Customer: stripe.String(cus.ID)}
		cp.AddExpand("customer")
		cp.AddExpand("balance_transaction")
		ch, err := c.V1Charges.Create(ctx, cp)
		must("create charge", err)

		get := &stripe.ChargeRetrieveParams{}
		get.AddExpand("customer.default_source")
		_, err = c.V1Charges.Retrieve(ctx, ch.ID, get)
		must("retrieve charge expanded", err)
		cget := &stripe.CustomerRetrieveParams{}
		cget.AddExpand("sources")
		_, err = c.V1Customers.Retrieve(ctx, cus.ID, cget)
		must("retrieve customer with sources", err)

		lp := &stripe.CustomerListParams{Email: stripe.String("jenny@example.com")}
		lp.Limit = stripe.Int64(3)
		lp.CreatedRange = &stripe.RangeQueryParams{GreaterThanOrEqual: 1, LesserThan: 4_000_000_000}
		lp.AddExpand("data.default_source")
		for _, err := range c.V1Customers.List(ctx, lp).All(ctx) {
			must("list customers", err)
		}
		after := &stripe.CustomerListParams{}
		after.StartingAfter = stripe.String(cus.ID)
		for _, err := range c.V1Customers.List(ctx, after).All(ctx) {
			must("list customers after", err)
		}
		chl := &stripe.ChargeListParams{Customer: stripe.String(cus.ID)}
		chl.Created = stripe.Int64(ch.Created)
		chl.AddExpand("data.customer")
		for _, err := range c.V1Charges.List(ctx, chl).All(ctx) {
			must("list charges", err)
		}
		for _, err := range c.V1PaymentSources.List(ctx, &stripe.PaymentSourceListParams{Customer: stripe.String(cus.ID), Object: stripe.String("card")}).All(ctx) {
			must("list sources", err)
		}
		for _, err := range c.V1Cards.List(ctx, &stripe.CardListParams{Customer: stripe.String(cus.ID)}).All(ctx) {
			must("list cards", err)
		}
		src := "card_fixture" // stripe-mock's customer has no source
		if cus.DefaultSource != nil {
			src = cus.DefaultSource.ID
		}
		_, err = c.V1PaymentSources.Retrieve(ctx, src, &stripe.PaymentSourceRetrieveParams{Customer: stripe.String(cus.ID)})
		must("retrieve source", err)

		// The parameters the emulator keeps (metadata, a customer's
		// name and address, a charge's receipt_email, a PaymentIntent's
		// automatic_payment_methods, raw card data on a PaymentMethod,
		// an account's company...): requests Stripe takes.
		md := map[string]string{"order_id": "6735"}
		_, err = c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.String("jane@example.com"), Name: stripe.String("Jane"),
			Phone: stripe.String("+15555550100"), Address: &stripe.AddressParams{Line1: stripe.String("1 Main St"), PostalCode: stripe.String("94107")}, Metadata: md})
		must("customer with name, address and metadata", err)
		kept := chargeWith("tok_visa")
		kept.Metadata, kept.ReceiptEmail, kept.StatementDescriptorSuffix = md, stripe.String("x@example.com"), stripe.String("ORDER 42")
		kch, err := c.V1Charges.Create(ctx, kept)
		must("charge with metadata and receipt_email", err)
		_, err = c.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(kch.ID), Amount: stripe.Int64(100), Metadata: md})
		must("refund with metadata", err)
		_, err = c.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Metadata: md,
			AutomaticPaymentMethods: &stripe.PaymentIntentCreateAutomaticPaymentMethodsParams{Enabled: stripe.Bool(true), AllowRedirects: stripe.String("never")}})
		must("PaymentIntent with automatic_payment_methods", err)
		_, err = c.V1PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.String("card"), Metadata: md,
			Card:           &stripe.PaymentMethodCreateCardParams{Number: stripe.String("4242424242424242"), ExpMonth: stripe.Int64(12), ExpYear: stripe.Int64(2031), CVC: stripe.String("123")},
			BillingDetails: &stripe.PaymentMethodCreateBillingDetailsParams{Email: stripe.String("q@example.com"), Name: stripe.String("Q")}})
		must("PaymentMethod from raw card data", err)
		acct, err := c.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), Country: stripe.String("US"),
			BusinessType: stripe.String("company"), Company: &stripe.AccountCreateCompanyParams{Name: stripe.String("Acme")},
			BusinessProfile: &stripe.AccountCreateBusinessProfileParams{URL: stripe.String("https://acme.example")},
			TOSAcceptance:   &stripe.AccountCreateTOSAcceptanceParams{Date: stripe.Int64(1700000000), IP: stripe.String("1.2.3.4")},
			Capabilities:    &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}},
			Metadata:        md})
		must("account with company, profile, terms and capabilities", err)
		_, err = c.V1Persons.Create(ctx, &stripe.PersonCreateParams{Account: stripe.String(acct.ID), FirstName: stripe.String("Z"), Metadata: md,
			Relationship: &stripe.PersonCreateRelationshipParams{Representative: stripe.Bool(true)}})
		must("person with a relationship", err)

		pinned := &stripe.TokenRetrieveParams{}
		pinned.Headers = http.Header{"Stripe-Version": {"2025-03-31.basil"}}
		_, err = c.V1Tokens.Retrieve(ctx, "tok_visa", pinned)
		must("pinned version", err)
	})
}

// onBothBackends runs fn through stripe-go against the emulator (offline
// true) and against stripe-mock, which takes only requests that match
// Stripe's spec; must ends the test on an error.
func onBothBackends(t *testing.T, fn func(t *testing.T, c *stripe.Client, offline bool, must func(string, error))) {
	for _, target := range []struct {
		name string
		url  func(t *testing.T) string
	}{
		{"emulator", func(t *testing.T) string {
			e, err := New(Options{Now: ticking()})
			if err != nil {
				t.Fatal(err)
			}
			return newSpecServer(t, e)
		}},
		{"stripe-mock", func(t *testing.T) string { return stripemock.Start(t) }},
	} {
		t.Run(target.name, func(t *testing.T) {
			must := func(what string, err error) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
			}
			fn(t, newClient(target.url(t), testKey), target.name == "emulator", must)
		})
	}
}
