package scenario

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// ctyWholeNumber starts cty's refusal of a number that is not a whole
// number or does not fit the Go integer gohcl decodes it into, which
// ends with the integer's bounds.
const ctyWholeNumber = "value must be a whole number, between "

// plainIntegerBounds rewrites cty's refusal of a number an int attribute
// cannot hold ("... between -9223372036854775808 and 9223372036854775807"):
// the card-number mask prints those nineteen digits as "••••5807", and
// the bounds say nothing useful anyway, since every whole number a
// scenario holds (an amount, a month, a year) is far inside them.
func plainIntegerBounds(diags hcl.Diagnostics) {
	for _, d := range diags {
		if i := strings.Index(d.Detail, ctyWholeNumber); i >= 0 {
			d.Detail = d.Detail[:i] + "value must be a whole number of at most 18 digits (an amount is 1 to 99999999, Stripe's largest, in the currency's smallest unit: 500 is 5.00 usd)."
		}
	}
}
