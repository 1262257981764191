package emulator

import (
	"cmp"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// chargeExtras are what a charge takes beyond its amount and source, kept
// and returned as Stripe returns them.
type chargeExtras struct {
	ReceiptEmail              string `json:"receipt_email,omitempty"`
	StatementDescriptor       string `json:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix string `json:"statement_descriptor_suffix,omitempty"`
	// Shipping is taken on create only (a capture has no shipping).
	Shipping *shippingRec `json:"shipping,omitempty"`
}

// chargeExtraParams are the parameters chargeExtras hold, which a charge
// and its capture take.
var chargeExtraParams = []string{"receipt_email", "statement_descriptor", "statement_descriptor_suffix"}

// Stripe's limits on statement descriptors, and the emulator's own
// account descriptor, which a charge without one shows.
const (
	maxStatementDescriptor = 22
	accountDescriptor      = "TOKENSCOPE EMULATOR"
	accountPrefix          = "TOKENSCOPE"
)

// readChargeExtras reads them: those given, checked as Stripe checks them.
func readChargeExtras(c *call) (chargeExtras, *model.Error) {
	email, aerr := readEmail(c.params, "receipt_email")
	if aerr != nil {
		return chargeExtras{}, aerr
	}
	shipping, aerr := readShipping(c.params)
	if aerr != nil {
		return chargeExtras{}, aerr
	}
	out := chargeExtras{ReceiptEmail: email, Shipping: shipping,
		StatementDescriptor: c.params.get("statement_descriptor"), StatementDescriptorSuffix: c.params.get("statement_descriptor_suffix")}
	for param, v := range map[string]string{"statement_descriptor": out.StatementDescriptor, "statement_descriptor_suffix": out.StatementDescriptorSuffix} {
		if utf8.RuneCountInString(v) > maxStatementDescriptor {
			return chargeExtras{}, stringTooLong(param, v, maxStatementDescriptor)
		}
	}
	return out, nil
}

// override is x with those given in over: a capture's replace the
// charge's ("This will override the previously-specified email address").
func (x chargeExtras) override(over chargeExtras) chargeExtras {
	x.ReceiptEmail = cmp.Or(over.ReceiptEmail, x.ReceiptEmail)
	x.StatementDescriptor = cmp.Or(over.StatementDescriptor, x.StatementDescriptor)
	x.StatementDescriptorSuffix = cmp.Or(over.StatementDescriptorSuffix, x.StatementDescriptorSuffix)
	return x
}

// show puts them on the charge's JSON; a succeeded charge's calculated
// descriptor is its own, else the account's prefix and its suffix, else
// the account's.
func (x chargeExtras) show(out *chargeJSON) {
	out.ReceiptEmail, out.StatementDescriptor = opt(x.ReceiptEmail), opt(x.StatementDescriptor)
	out.StatementDescriptorSuffix = opt(x.StatementDescriptorSuffix)
	out.Shipping, out.ReceiptURL = x.Shipping.render(), receiptURL(out.ID, out.Status)
	if out.Status != "succeeded" && out.Status != "pending" {
		return
	}
	calc := accountDescriptor
	switch {
	case x.StatementDescriptor != "":
		calc = x.StatementDescriptor
	case x.StatementDescriptorSuffix != "":
		calc = accountPrefix + "* " + x.StatementDescriptorSuffix
	}
	if r := []rune(calc); len(r) > maxStatementDescriptor {
		calc = string(r[:maxStatementDescriptor])
	}
	out.CalculatedStatementDesc = opt(calc)
}

// stringTooLong is Stripe's refusal of a string parameter over max
// characters.
func stringTooLong(param, v string, max int) *model.Error {
	return invalid("parameter_invalid_string", param, model.TooLongMessage(v, max))
}
