package emulator

import (
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// chargeExtras are what a charge takes beyond its amount and source, kept
// and returned as Stripe returns them.
type chargeExtras struct {
	ReceiptEmail              string `json:"receipt_email,omitempty"`
	StatementDescriptor       string `json:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix string `json:"statement_descriptor_suffix,omitempty"`
}

// chargeExtraParams are the parameters chargeExtras hold, and capture.
var chargeExtraParams = []string{"receipt_email", "statement_descriptor", "statement_descriptor_suffix", "capture"}

// Stripe's limits on statement descriptors, and the emulator's own
// account descriptor, which a charge without one shows.
const (
	maxStatementDescriptor = 22
	accountDescriptor      = "TOKENSCOPE EMULATOR"
	accountPrefix          = "TOKENSCOPE"
)

// readChargeExtras reads them, and capture: the emulator's charges are
// captured at once (it has no POST /v1/charges/{id}/capture), so
// capture=false is refused by name rather than ignored.
func readChargeExtras(c *call) (chargeExtras, *model.Error) {
	capture, aerr := c.params.boolean("capture")
	if aerr != nil {
		return chargeExtras{}, aerr
	}
	if c.params.Has("capture") && !capture {
		return chargeExtras{}, invalid("", "capture", "The emulator does not support uncaptured charges on the Charges API (capture=false): it has no POST /v1/charges/{id}/capture. Authorize with a PaymentIntent (capture_method=manual) and capture that instead.")
	}
	var email string
	email, aerr = readEmail(c.params, "receipt_email")
	if aerr != nil {
		return chargeExtras{}, aerr
	}
	out := chargeExtras{ReceiptEmail: email,
		StatementDescriptor: c.params.get("statement_descriptor"), StatementDescriptorSuffix: c.params.get("statement_descriptor_suffix")}
	for param, v := range map[string]string{"statement_descriptor": out.StatementDescriptor, "statement_descriptor_suffix": out.StatementDescriptorSuffix} {
		if utf8.RuneCountInString(v) > maxStatementDescriptor {
			return chargeExtras{}, stringTooLong(param, v, maxStatementDescriptor)
		}
	}
	return out, nil
}

// show puts them on the charge's JSON; a succeeded charge's calculated
// descriptor is its own, else the account's prefix and its suffix, else
// the account's.
func (x chargeExtras) show(out *chargeJSON) {
	out.ReceiptEmail, out.StatementDescriptor = opt(x.ReceiptEmail), opt(x.StatementDescriptor)
	out.StatementDescriptorSuffix = opt(x.StatementDescriptorSuffix)
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
