package flow

import (
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/tokenscope/tokenscope/model"
)

// bankForm is the bank account token form: a test-account preset, then
// routing and account numbers, country, currency and holder.
type bankForm struct {
	preset, routing, account, country, currency, holder, holderType string
	applied                                                         string
	routingIn, accountIn                                            *huh.Input
}

func newBankForm() *bankForm {
	b := &bankForm{preset: model.Banks[0].Name}
	b.sync()
	return b
}

func (b *bankForm) kind() model.Kind { return model.KindBank }

func (b *bankForm) fields(rows, width int) []huh.Field {
	names := make([]string, len(model.Banks))
	expects := make([]string, len(model.Banks))
	for i, p := range model.Banks {
		names[i], expects[i] = p.Name, p.Expect
	}
	b.routingIn = input("Routing", &b.routing, check(model.ValidateRouting))
	b.accountIn = input("Account", &b.account, check(model.ValidateAccountNumber))
	return []huh.Field{
		presetPicker(&b.preset, min(rows, len(names)+1), width, names, expects),
		b.routingIn, b.accountIn,
		input("Country", &b.country, check(model.ValidateCountry)),
		input("Currency", &b.currency, check(model.ValidateCurrency)),
		input("Holder", &b.holder, nil),
		choice("Holder type", &b.holderType, "individual", "company"),
	}
}

// sync fills the fields from a preset newly chosen; "custom" keeps them.
func (b *bankForm) sync() bool {
	if b.preset == b.applied {
		return false
	}
	b.applied = b.preset
	req, err := model.FromPreset(b.preset)
	if err != nil || req.Bank == nil {
		return false
	}
	in := req.Bank
	b.routing, b.account, b.country, b.currency = in.RoutingNumber, in.AccountNumber, in.Country, in.Currency
	if b.holder == "" {
		b.holder, b.holderType = in.HolderName, in.HolderType
	}
	if b.routingIn != nil {
		b.routingIn.Value(&b.routing)
		b.accountIn.Value(&b.account)
	}
	return true
}

func (b *bankForm) request() (model.TokenRequest, error) {
	req := model.TokenRequest{Kind: model.KindBank, Bank: &model.BankInput{
		Country: strings.ToUpper(strings.TrimSpace(b.country)), Currency: strings.ToLower(strings.TrimSpace(b.currency)),
		RoutingNumber: strings.TrimSpace(b.routing), AccountNumber: strings.TrimSpace(b.account),
		HolderName: strings.TrimSpace(b.holder), HolderType: b.holderType,
	}}
	if p, ok := model.BankByName(b.preset); ok && p.AccountNumber == req.Bank.AccountNumber && p.RoutingNumber == req.Bank.RoutingNumber {
		req.Preset = p.Name
	}
	return req, nil
}
