package model

import (
	"strings"
	"testing"
)

func render(p Plan) string {
	var b strings.Builder
	p.Render(&b)
	return b.String()
}

func diffText(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// The plan of screens.md, "Plan, then apply".
func TestPlanCardMatchesScreen(t *testing.T) {
	req := TokenRequest{Kind: KindCard, Card: &CardInput{Number: "4000000000009995", ExpMonth: 12, ExpYear: 2034, CVC: "123"}}
	got := render(Plan{Target: "OFFLINE emulator", Changes: []Change{PlanCreate("card", req)}})
	diffText(t, got, `tokenscope will perform the following actions:

  # token.card will be created
  + token "card" {
      + type        = "card"
      + card.number = "•••• •••• •••• 9995"   (test card: insufficient_funds)
      + card.exp    = "12/2034"
      + card.cvc    = (sensitive)
      + id          = (known after apply)
      + used        = (known after apply)
    }

  POST /v1/tokens  →  OFFLINE emulator

Plan: 1 to add, 0 to change, 0 to destroy.
`)
	for _, secret := range []string{"4000000000009995", "123\"", "= \"123"} {
		if strings.Contains(got, secret) {
			t.Errorf("plan shows a secret %q", secret)
		}
	}
}

func TestPlanCardWithNameAndUnknownNumber(t *testing.T) {
	req := TokenRequest{Kind: KindCard, AllowAnyNumber: true, Card: &CardInput{Number: "4111 1111 1111 1111", ExpMonth: 3, ExpYear: 2030, Name: "Jenny \"JR\" Rosen", Zip: "94107"}}
	got := render(Plan{Changes: []Change{PlanCreate("any", req)}})
	diffText(t, got, `tokenscope will perform the following actions:

  # token.any will be created
  + token "any" {
      + type             = "card"
      + card.number      = "•••• •••• •••• 1111"   (not a Stripe test card)
      + card.exp         = "03/2030"
      + card.name        = "Jenny \"JR\" Rosen"
      + card.address_zip = "94107"
      + id               = (known after apply)
      + used             = (known after apply)
    }

  POST /v1/tokens

Plan: 1 to add, 0 to change, 0 to destroy.
`)
}

func TestPlanBankPIIAccount(t *testing.T) {
	bank, _ := fromPreset("bank_insufficient_funds", testNow)
	pii := TokenRequest{Kind: KindPII, PII: &PIIInput{IDNumber: "000000000"}}
	acct := TokenRequest{Kind: KindAccount, Account: &AccountInput{BusinessType: "individual", FirstName: "Jenny", LastName: "Rosen"}}
	got := render(Plan{Target: "http://127.0.0.1:12111", Changes: []Change{
		PlanCreate("bank", bank), PlanCreate("ssn", pii), PlanCreate("acct", acct),
	}})
	diffText(t, got, `tokenscope will perform the following actions:

  # token.bank will be created
  + token "bank" {
      + type                             = "bank_account"
      + bank_account.country             = "US"
      + bank_account.currency            = "usd"
      + bank_account.routing_number      = "110000000"
      + bank_account.account_number      = "•••• 2227"   (test account: bank_insufficient_funds)
      + bank_account.account_holder_name = "Jenny Rosen"
      + bank_account.account_holder_type = "individual"
      + id                               = (known after apply)
      + used                             = (known after apply)
    }

  POST /v1/tokens  →  http://127.0.0.1:12111

  # token.ssn will be created
  + token "ssn" {
      + type          = "pii"
      + pii.id_number = (sensitive)   (test id: id_match)
      + id            = (known after apply)
      + used          = (known after apply)
    }

  POST /v1/tokens  →  http://127.0.0.1:12111

  # token.acct will be created
  + token "acct" {
      + type                  = "account"
      + account.business_type = "individual"
      + account.first_name    = "Jenny"
      + account.last_name     = "Rosen"
      + id                    = (known after apply)
      + used                  = (known after apply)
    }

  POST /v1/tokens  →  http://127.0.0.1:12111

Plan: 3 to add, 0 to change, 0 to destroy.
`)
	if strings.Contains(got, "000222222227") || strings.Contains(got, "000000000\"") {
		t.Error("plan shows an account or id number in full")
	}
}

func TestPlanUse(t *testing.T) {
	charge := PlanUse("declined_insufficient", UseRequest{TokenID: "tok_visa_chargeDeclinedInsufficientFunds", Kind: UseCharge, Amount: 1000, Currency: "usd"})
	cust := PlanUse("bank_ok", UseRequest{TokenID: "btok_1QxYc3D", Kind: UseCustomer}, "expected: attaches")
	plain := PlanUse("visa", UseRequest{TokenID: "tok_1QxYz8Lk", Kind: UseCharge, Amount: 50, Currency: "usd"})
	got := render(Plan{Target: "OFFLINE emulator", Changes: []Change{charge, cust, plain}})
	diffText(t, got, `tokenscope will perform the following actions:

  # charge.declined_insufficient will be created
  + charge "declined_insufficient" {
      + amount   = 1000
      + currency = "usd"
      + source   = "tok_visa_chargeDeclinedInsufficientFunds"   (expected: declined, card_declined / insufficient_funds)
      + id       = (known after apply)
    }

  POST /v1/charges  →  OFFLINE emulator

  # customer.bank_ok will be created
  + customer "bank_ok" {
      + source = "btok_1QxYc3D"   (expected: attaches)
      + id     = (known after apply)
    }

  POST /v1/customers  →  OFFLINE emulator

  # charge.visa will be created
  + charge "visa" {
      + amount   = 50
      + currency = "usd"
      + source   = "tok_1QxYz8Lk"
      + id       = (known after apply)
    }

  POST /v1/charges  →  OFFLINE emulator

Plan: 3 to add, 0 to change, 0 to destroy.
`)
}

func TestUseExpect(t *testing.T) {
	get := func(name string) *CardPreset { c, _ := CardByName(name); return c }
	cases := []struct {
		kind UseKind
		card string
		want string
	}{
		{UseCharge, "visa", "expected: succeeds"},
		{UseCharge, "expired_card", "expected: declined, expired_card"},
		{UseCharge, "elevated_risk", "expected: succeeds, risk elevated"},
		{UseCustomer, "lost_card", "expected: attach fails, card_declined / lost_card"},
		{UseCustomer, "customer_charge_fail", "expected: attaches"},
		{UseCharge, "customer_charge_fail", "expected: declined, card_declined / generic_decline"},
	}
	for _, c := range cases {
		if got := UseExpect(c.kind, get(c.card)); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.kind, c.card, got, c.want)
		}
	}
}

func TestPlanCountsAndNoChanges(t *testing.T) {
	p := Plan{Changes: []Change{
		{Address: "token.a", Action: ActionCreate},
		{Address: "token.b", Action: ActionReplace},
		{Address: "token.c", Action: ActionUpdate},
	}}
	if a, c, d := p.Counts(); a != 2 || c != 1 || d != 1 {
		t.Errorf("Counts = %d, %d, %d; want 2, 1, 1", a, c, d)
	}
	diffText(t, render(Plan{}), NoChanges+"\n")
}

func TestPlanReplace(t *testing.T) {
	c := PlanCreate("visa", TokenRequest{Kind: KindPII, PII: &PIIInput{IDNumber: "123456789"}})
	c.Action = ActionReplace
	got := render(Plan{Changes: []Change{c}})
	if !strings.Contains(got, "  # token.visa must be replaced\n  -/+ token \"visa\" {\n") ||
		!strings.Contains(got, "Plan: 1 to add, 0 to change, 1 to destroy.") {
		t.Errorf("replace plan:\n%s", got)
	}
	if strings.Contains(got, "123456789") || strings.Contains(got, "test id") {
		t.Errorf("plan leaks the id number or invents a note:\n%s", got)
	}
}

// A replacement the configuration forces says why, and shows the attribute
// that changed as Terraform does.
func TestPlanReplaceWithReasonAndChangedAttr(t *testing.T) {
	c := PlanCreate("x", TokenRequest{Kind: KindCard, Card: &CardInput{Number: "4000000000009979", ExpMonth: 12, ExpYear: 2034}})
	c.Action, c.Reason = ActionReplace, "its block changed since it was applied"
	c.Attrs = append([]Attr{{Name: "preset", Old: `"lost_card"`, Value: `"stolen_card"`, Note: "forces replacement"}}, c.Attrs...)
	got := render(Plan{Changes: []Change{c}})
	for _, want := range []string{
		"  # token.x must be replaced: its block changed since it was applied\n  -/+ token \"x\" {\n",
		`      ~ preset      = "lost_card" -> "stolen_card"   (forces replacement)` + "\n",
		`      + card.number = "•••• •••• •••• 9979"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("plan lacks %q:\n%s", want, got)
		}
	}
}

func TestChangeAddressParts(t *testing.T) {
	c := Change{Address: "charge.declined_insufficient"}
	if c.Type() != "charge" || c.Name() != "declined_insufficient" {
		t.Errorf("Type %q Name %q", c.Type(), c.Name())
	}
}
