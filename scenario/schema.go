package scenario

import "github.com/hashicorp/hcl/v2"

// The HCL schema of a scenario file, as gohcl decodes it. gohcl turns typos
// into "Unsupported argument ... Did you mean" diagnostics on its own, and the
// *_range fields let validation errors point at the attribute at fault.

type fileSchema struct {
	Tokens []tokenSchema `hcl:"token,block"`
}

type tokenSchema struct {
	Name      string         `hcl:"name,label"`
	NameRange hcl.Range      `hcl:"name,label_range"`
	DefRange  hcl.Range      `hcl:",def_range"`
	Card      *cardSchema    `hcl:"card,block"`
	Bank      *bankSchema    `hcl:"bank_account,block"`
	PII       *piiSchema     `hcl:"pii,block"`
	Account   *accountSchema `hcl:"account,block"`
	Use       *useSchema     `hcl:"use,block"`
}

type cardSchema struct {
	DefRange hcl.Range `hcl:",def_range"`
	Preset   *string   `hcl:"preset,optional"`
	Number   *string   `hcl:"number,optional"`
	ExpMonth *int      `hcl:"exp_month,optional"`
	ExpYear  *int      `hcl:"exp_year,optional"`
	CVC      *string   `hcl:"cvc,optional"`
	Name     *string   `hcl:"name,optional"`
	Zip      *string   `hcl:"zip,optional"`

	PresetRange   hcl.Range `hcl:"preset,attr_range"`
	NumberRange   hcl.Range `hcl:"number,attr_range"`
	ExpMonthRange hcl.Range `hcl:"exp_month,attr_range"`
	ExpYearRange  hcl.Range `hcl:"exp_year,attr_range"`
	CVCRange      hcl.Range `hcl:"cvc,attr_range"`
}

type bankSchema struct {
	DefRange      hcl.Range `hcl:",def_range"`
	Preset        *string   `hcl:"preset,optional"`
	Country       *string   `hcl:"country,optional"`
	Currency      *string   `hcl:"currency,optional"`
	RoutingNumber *string   `hcl:"routing_number,optional"`
	AccountNumber *string   `hcl:"account_number,optional"`
	HolderName    *string   `hcl:"account_holder_name,optional"`
	HolderType    *string   `hcl:"account_holder_type,optional"`

	PresetRange        hcl.Range `hcl:"preset,attr_range"`
	CountryRange       hcl.Range `hcl:"country,attr_range"`
	CurrencyRange      hcl.Range `hcl:"currency,attr_range"`
	RoutingNumberRange hcl.Range `hcl:"routing_number,attr_range"`
	AccountNumberRange hcl.Range `hcl:"account_number,attr_range"`
	HolderTypeRange    hcl.Range `hcl:"account_holder_type,attr_range"`
}

type piiSchema struct {
	DefRange hcl.Range `hcl:",def_range"`
	Preset   *string   `hcl:"preset,optional"`
	IDNumber *string   `hcl:"id_number,optional"`

	PresetRange   hcl.Range `hcl:"preset,attr_range"`
	IDNumberRange hcl.Range `hcl:"id_number,attr_range"`
}

type accountSchema struct {
	DefRange     hcl.Range `hcl:",def_range"`
	BusinessType string    `hcl:"business_type"`
	FirstName    *string   `hcl:"first_name,optional"`
	LastName     *string   `hcl:"last_name,optional"`

	BusinessTypeRange hcl.Range `hcl:"business_type,attr_range"`
}

type useSchema struct {
	Kind      string    `hcl:"kind,label"`
	KindRange hcl.Range `hcl:"kind,label_range"`
	DefRange  hcl.Range `hcl:",def_range"`
	Amount    *int64    `hcl:"amount,optional"`
	Currency  *string   `hcl:"currency,optional"`

	AmountRange   hcl.Range `hcl:"amount,attr_range"`
	CurrencyRange hcl.Range `hcl:"currency,attr_range"`
}
