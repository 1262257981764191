package scenario

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/tokenscope/tokenscope/model"
)

// The HCL schema of a scenario file. A token block's body holds one block
// per kind tokenscope creates, named after the kind (card, bank_account,
// ...) with the kind's inputs as attributes (model.Creator), and an
// optional use block. hcl turns typos into "Unsupported argument ... Did
// you mean" diagnostics on its own, and the attributes' ranges let
// validation errors point at the attribute at fault.

type fileSchema struct {
	Tokens []tokenSchema `hcl:"token,block"`
}

type tokenSchema struct {
	Name      string    `hcl:"name,label"`
	NameRange hcl.Range `hcl:"name,label_range"`
	DefRange  hcl.Range `hcl:",def_range"`
	Body      hcl.Body  `hcl:",remain"`
}

// useSchema is the body of a `use "charge" { ... }` block.
type useSchema struct {
	Amount   *int64  `hcl:"amount,optional"`
	Currency *string `hcl:"currency,optional"`
	// CaptureMethod and ReturnURL are a payment_intent use's.
	CaptureMethod *string `hcl:"capture_method,optional"`
	ReturnURL     *string `hcl:"return_url,optional"`
	// ExpectEvents are the event types (or patterns: charge.*) the step
	// should lead to; apply reports those that did not occur.
	ExpectEvents *[]string `hcl:"expect_events,optional"`
	// Account is an id_number use's: a reference, token.NAME, to the
	// block whose use "account" makes the account (accountref.go).
	Account hcl.Expression `hcl:"account,optional"`

	AmountRange        hcl.Range `hcl:"amount,attr_range"`
	CurrencyRange      hcl.Range `hcl:"currency,attr_range"`
	CaptureMethodRange hcl.Range `hcl:"capture_method,attr_range"`
	ReturnURLRange     hcl.Range `hcl:"return_url,attr_range"`
	ExpectEventsRange  hcl.Range `hcl:"expect_events,attr_range"`
	AccountRange       hcl.Range `hcl:"account,attr_range"`
}

// useBlock is a use block: its label and body.
type useBlock struct {
	Kind      string
	KindRange hcl.Range
	DefRange  hcl.Range
	useSchema
}

// presetAttr starts a kind's block from the test-data catalog.
const presetAttr = "preset"

// tokenBody is the schema of a token block's body: a block per kind, use,
// and the steps after it (steps.go).
func tokenBody() *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, k := range model.Creatable() {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: string(k.Kind)})
	}
	s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: "use", LabelNames: []string{"kind"}})
	for _, k := range stepKinds {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: string(k)})
	}
	return s
}

// kindBody is the schema of a kind's block: preset when the kind has
// test data, then its inputs' attributes.
func kindBody(k *model.KindSpec) *hcl.BodySchema {
	s := &hcl.BodySchema{}
	if len(k.Create.Presets) > 0 {
		s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: presetAttr})
	}
	for _, in := range k.Create.Inputs {
		if in.Attr != "" {
			s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: in.Attr, Required: in.Required})
		}
	}
	return s
}
