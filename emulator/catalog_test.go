package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// TestCatalogCards runs every test card through stripe-go: tokenize, attach
// to a customer, charge, and use again, each against the catalog's Outcome.
func TestCatalogCards(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	for _, p := range model.Cards {
		t.Run(p.Name, func(t *testing.T) {
			tok, err := c.V1Tokens.Create(ctx, cardParams(t, p.Number))
			if p.TokenizeCode != "" {
				se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, p.TokenizeCode)
				if se.Param != "number" || se.Msg != "Your card number is incorrect." {
					t.Errorf("param %q message %q", se.Param, se.Msg)
				}
				return
			}
			checkCardToken(t, tok, err, &p)
			if got, err := c.V1Tokens.Retrieve(ctx, tok.ID, nil); err != nil || got.ID != tok.ID || got.Used {
				t.Fatalf("retrieve %s: %+v, %v", tok.ID, got, err)
			}

			cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String(tok.ID)})
			checkAttach(t, c, cus, err, tok.Card.ID, &p)
			if got, _ := c.V1Tokens.Retrieve(ctx, tok.ID, nil); got == nil || !got.Used {
				t.Errorf("token %s not used after the customer", tok.ID)
			}
			_, err = c.V1Charges.Create(ctx, chargeWith(tok.ID))
			se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "token_already_used")
			if se.Msg != "You cannot use a Stripe token more than once: "+tok.ID+"." {
				t.Errorf("message %q", se.Msg)
			}

			tok2, err := c.V1Tokens.Create(ctx, cardParams(t, p.Number))
			if err != nil {
				t.Fatal(err)
			}
			ch, err := c.V1Charges.Create(ctx, chargeWith(tok2.ID))
			checkCharge(t, c, ch, err, &p, "")
			_, err = c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String(tok2.ID)})
			stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "token_already_used")
		})
	}
}

func checkCardToken(t *testing.T, tok *stripe.Token, err error, p *model.CardPreset) {
	t.Helper()
	if err != nil {
		t.Fatalf("tokenize %s: %v", p.Name, err)
	}
	if _, magic := model.MagicTokens[tok.ID]; !magic && (!strings.HasPrefix(tok.ID, "tok_") || len(tok.ID) != len("tok_")+longID) {
		t.Errorf("id %q", tok.ID)
	}
	if tok.Type != stripe.TokenTypeCard || tok.Used || tok.Livemode || tok.Created != fixedNow.Unix() {
		t.Errorf("token %+v", tok)
	}
	card := tok.Card
	if card == nil {
		t.Fatalf("no card in %s", tok.LastResponse.RawJSON)
	}
	if string(card.Brand) != p.Brand || string(card.Funding) != p.Funding || card.Last4 != model.Last4(p.Number) || card.Country != p.Country {
		t.Errorf("card %s %s %s %s, want %s %s %s %s", card.Brand, card.Funding, card.Last4, card.Country, p.Brand, p.Funding, model.Last4(p.Number), p.Country)
	}
	wantCVC := "unchecked"
	if p.Outcome.CVCCheck != "" {
		wantCVC = p.Outcome.CVCCheck
	}
	if string(card.CVCCheck) != wantCVC || card.AddressZipCheck != "" || card.Fingerprint == "" {
		t.Errorf("checks cvc %q zip %q fingerprint %q", card.CVCCheck, card.AddressZipCheck, card.Fingerprint)
	}
	if strings.Contains(string(tok.LastResponse.RawJSON), p.Number) {
		t.Errorf("the response carries the card number")
	}
}

// checkAttach: issuer-decline cards are refused with their decline code, the
// others attach (as card cardID, "" for a freshly minted one) and then charge
// as the catalog says.
func checkAttach(t *testing.T, c *stripe.Client, cus *stripe.Customer, err error, cardID string, p *model.CardPreset) {
	t.Helper()
	if p.Outcome.NoAttach {
		se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, p.Outcome.Code)
		if string(se.DeclineCode) != p.Outcome.DeclineCode || se.Msg != p.Outcome.Message || se.ChargeID != "" {
			t.Errorf("attach error %+v", se)
		}
		return
	}
	if err != nil {
		t.Fatalf("attach %s: %v", p.Name, err)
	}
	if !strings.HasPrefix(cus.ID, "cus_") || cus.DefaultSource == nil || !strings.HasPrefix(cus.DefaultSource.ID, "card_") ||
		(cardID != "" && cus.DefaultSource.ID != cardID) {
		t.Errorf("customer %s default source %+v, want %q", cus.ID, cus.DefaultSource, cardID)
	}
	ch, err := c.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Customer: stripe.String(cus.ID)})
	checkCharge(t, c, ch, err, p, cus.ID)
}

func checkCharge(t *testing.T, c *stripe.Client, ch *stripe.Charge, err error, p *model.CardPreset, customer string) {
	t.Helper()
	o := p.Outcome
	if !o.Declines() {
		if err != nil {
			t.Fatalf("charge %s: %v", p.Name, err)
		}
		wantRisk := o.Risk
		if wantRisk == "" {
			wantRisk = "normal"
		}
		if ch.Status != stripe.ChargeStatusSucceeded || !ch.Paid || !ch.Captured || ch.Outcome.Type != "authorized" ||
			ch.Outcome.NetworkStatus != "approved_by_network" || ch.Outcome.RiskLevel != wantRisk || ch.Outcome.SellerMessage != "Payment complete." {
			t.Errorf("charge %s %v paid %v outcome %+v", ch.ID, ch.Status, ch.Paid, ch.Outcome)
		}
		if ch.PaymentMethodDetails.Card.Last4 != model.Last4(p.Number) || ch.Source == nil || ch.Source.Card == nil {
			t.Errorf("charge card %+v source %+v", ch.PaymentMethodDetails.Card, ch.Source)
		}
		if (customer == "") != (ch.Customer == nil) {
			t.Errorf("charge customer %+v, want %q", ch.Customer, customer)
		}
		return
	}
	se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, o.Code)
	if string(se.DeclineCode) != o.DeclineCode || se.Msg != o.Message || !strings.HasPrefix(se.ChargeID, "ch_") {
		t.Fatalf("decline %+v", se)
	}
	failed, err := c.V1Charges.Retrieve(ctx, se.ChargeID, nil)
	if err != nil {
		t.Fatalf("retrieve failed charge: %v", err)
	}
	wantType, wantNet := "issuer_declined", "declined_by_network"
	if o.Blocked {
		wantType, wantNet = "blocked", "not_sent_to_network"
	}
	if failed.Status != stripe.ChargeStatusFailed || failed.Paid || failed.FailureCode != o.Code || failed.FailureMessage != o.Message ||
		failed.Outcome.Type != wantType || failed.Outcome.NetworkStatus != wantNet || failed.Outcome.Reason == "" {
		t.Errorf("failed charge %s: %v %q %q outcome %+v", failed.ID, failed.Status, failed.FailureCode, failed.FailureMessage, failed.Outcome)
	}
	if customer != "" && (failed.Customer == nil || failed.Customer.ID != customer) {
		t.Errorf("failed charge customer %+v, want %s", failed.Customer, customer)
	}
}

// TestCatalogBanks: bank tokens attach to customers (status new), cannot be
// charged directly, and are single-use.
func TestCatalogBanks(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	for _, b := range model.Banks {
		t.Run(b.Name, func(t *testing.T) {
			tok, err := c.V1Tokens.Create(ctx, bankParams(b.AccountNumber))
			if err != nil {
				t.Fatal(err)
			}
			ba := tok.BankAccount
			if !strings.HasPrefix(tok.ID, "btok_") || tok.Type != stripe.TokenTypeBankAccount || ba == nil || tok.Card != nil {
				t.Fatalf("token %s", tok.LastResponse.RawJSON)
			}
			if ba.BankName != model.TestBankName || ba.Last4 != model.Last4(b.AccountNumber) || ba.RoutingNumber != b.RoutingNumber ||
				ba.Status != "new" || !strings.HasPrefix(ba.ID, "ba_") || ba.Fingerprint == "" {
				t.Errorf("bank account %+v", ba)
			}
			if strings.Contains(string(tok.LastResponse.RawJSON), b.AccountNumber) {
				t.Errorf("the response carries the account number")
			}

			_, err = c.V1Charges.Create(ctx, chargeWith(tok.ID))
			stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "bank_account_unverified")
			if got, _ := c.V1Tokens.Retrieve(ctx, tok.ID, nil); got == nil || got.Used {
				t.Errorf("a refused charge consumed %s", tok.ID)
			}

			params := &stripe.CustomerCreateParams{Source: stripe.String(tok.ID)}
			params.AddExpand("sources")
			cus, err := c.V1Customers.Create(ctx, params)
			if err != nil {
				t.Fatal(err)
			}
			if cus.Sources == nil || len(cus.Sources.Data) != 1 || cus.Sources.Data[0].BankAccount == nil ||
				cus.Sources.Data[0].BankAccount.Status != "new" || cus.Sources.Data[0].BankAccount.ID != ba.ID {
				t.Fatalf("customer sources %s", cus.LastResponse.RawJSON)
			}
			_, err = c.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Customer: stripe.String(cus.ID)})
			stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "bank_account_unverified")
			_, err = c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String(tok.ID)})
			stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "token_already_used")
		})
	}
}

// TestCatalogIDNumbers: PII tokens carry no card or bank part, and cannot pay.
func TestCatalogIDNumbers(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	for _, p := range model.IDNumbers {
		t.Run(p.Name, func(t *testing.T) {
			tok, err := c.V1Tokens.Create(ctx, &stripe.TokenCreateParams{PII: &stripe.TokenCreatePIIParams{IDNumber: stripe.String(p.IDNumber)}})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(tok.ID, "pii_") || tok.Type != stripe.TokenTypePII || tok.Card != nil || tok.BankAccount != nil {
				t.Errorf("token %s", tok.LastResponse.RawJSON)
			}
			if strings.Contains(string(tok.LastResponse.RawJSON), p.IDNumber) {
				t.Errorf("the response carries the id number")
			}
			_, err = c.V1Charges.Create(ctx, chargeWith(tok.ID))
			if se := stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, ""); se.Param != "source" {
				t.Errorf("param %q", se.Param)
			}
		})
	}
}

func TestAccountToken(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	tok, err := c.V1Tokens.Create(ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{
		BusinessType:        stripe.String("individual"),
		Individual:          &stripe.PersonParams{FirstName: stripe.String("Jenny"), LastName: stripe.String("Rosen")},
		TOSShownAndAccepted: stripe.Bool(true),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok.ID, "ct_") || tok.Type != stripe.TokenTypeAccount || tok.Card != nil {
		t.Errorf("token %s", tok.LastResponse.RawJSON)
	}
	_, err = c.V1Tokens.Create(ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{BusinessType: stripe.String("charity")}})
	stripeErr(t, err, http.StatusBadRequest, stripe.ErrorTypeInvalidRequest, "business_type_invalid")
}

// TestCatalogMagicTokens: every magic token reads back under its own name and
// stays usable however often it is used.
func TestCatalogMagicTokens(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	for name, p := range model.MagicTokens {
		t.Run(name, func(t *testing.T) {
			tok, err := c.V1Tokens.Retrieve(ctx, name, nil)
			checkCardToken(t, tok, err, p)
			if tok.ID != name {
				t.Errorf("id %q, want %q", tok.ID, name)
			}
			again, _ := c.V1Tokens.Retrieve(ctx, name, nil)
			if again == nil || again.Card.ID != tok.Card.ID {
				t.Errorf("the card of %s changed between reads", name)
			}
			for range 2 {
				ch, err := c.V1Charges.Create(ctx, chargeWith(name))
				checkCharge(t, c, ch, err, p, "")
				if ch != nil && ch.Source != nil && ch.Source.Card.ID == tok.Card.ID {
					t.Errorf("a use of %s did not mint a new card", name)
				}
			}
			cus, err := c.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.String(name)})
			checkAttach(t, c, cus, err, "", p)
			if got, _ := c.V1Tokens.Retrieve(ctx, name, nil); got == nil || got.Used {
				t.Errorf("magic token %s consumed", name)
			}
		})
	}
}
