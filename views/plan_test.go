package views

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

func render(p model.Plan) string {
	var b strings.Builder
	_ = WritePlan(&b, p)
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
	req := model.TokenRequest{Kind: model.KindCard, Card: &model.CardInput{Number: "4000000000009995", ExpMonth: 12, ExpYear: 2034, CVC: "123"}}
	got := render(model.Plan{Target: "OFFLINE emulator", Changes: []model.Change{model.PlanCreate("card", req)}})
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
	req := model.TokenRequest{Kind: model.KindCard, AllowAnyNumber: true, Card: &model.CardInput{Number: "4111 1111 1111 1111", ExpMonth: 3, ExpYear: 2030, Name: "Jenny \"JR\" Rosen", Zip: "94107"}}
	got := render(model.Plan{Changes: []model.Change{model.PlanCreate("any", req)}})
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
	bank, _ := model.FromPreset("bank_insufficient_funds")
	pii := model.TokenRequest{Kind: model.KindPII, PII: &model.PIIInput{IDNumber: "000000000"}}
	acct := model.TokenRequest{Kind: model.KindAccount, Account: &model.AccountInput{BusinessType: "individual", FirstName: "Jenny", LastName: "Rosen"}}
	got := render(model.Plan{Target: "http://127.0.0.1:12111", Changes: []model.Change{
		model.PlanCreate("bank", bank), model.PlanCreate("ssn", pii), model.PlanCreate("acct", acct),
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
	charge := model.PlanUse("declined_insufficient", model.UseRequest{TokenID: "tok_visa_chargeDeclinedInsufficientFunds", Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	cust := model.PlanUse("bank_ok", model.UseRequest{TokenID: "btok_1QxYc3D", Kind: model.UseCustomer}, "expected: attaches")
	plain := model.PlanUse("visa", model.UseRequest{TokenID: "tok_1QxYz8Lk", Kind: model.UseCharge, Amount: 50, Currency: "usd"})
	got := render(model.Plan{Target: "OFFLINE emulator", Changes: []model.Change{charge, cust, plain}})
	diffText(t, got, `tokenscope will perform the following actions:

  # charge.declined_insufficient will be created
  + charge "declined_insufficient" {
      + amount   = 1000   (10.00 usd)
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
      + amount   = 50   (0.50 usd)
      + currency = "usd"
      + source   = "tok_1QxYz8Lk"
      + id       = (known after apply)
    }

  POST /v1/charges  →  OFFLINE emulator

Plan: 3 to add, 0 to change, 0 to destroy.
`)
}

func TestPlanReplace(t *testing.T) {
	c := model.PlanCreate("visa", model.TokenRequest{Kind: model.KindPII, PII: &model.PIIInput{IDNumber: "123456789"}})
	c.Action = model.ActionReplace
	got := render(model.Plan{Changes: []model.Change{c}})
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
	c := model.PlanCreate("x", model.TokenRequest{Kind: model.KindCard, Card: &model.CardInput{Number: "4000000000009979", ExpMonth: 12, ExpYear: 2034}})
	c.Action, c.Reason = model.ActionReplace, "its block changed since it was applied"
	c.Attrs = append([]model.Attr{{Name: "preset", Old: `"lost_card"`, Value: `"stolen_card"`, Note: "forces replacement"}}, c.Attrs...)
	got := render(model.Plan{Changes: []model.Change{c}})
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

func TestPlanNoChanges(t *testing.T) {
	diffText(t, render(model.Plan{}), NoChanges+"\n")
}
