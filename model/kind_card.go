package model

import (
	"fmt"
	"strconv"
)

// cardKind is a card token (tok_): one of Stripe's test cards.
var cardKind = &KindSpec{
	Kind:     KindCard,
	Object:   "token",
	Prefixes: []string{"tok_"},
	Short:    "card",
	Label:    "card",
	About:    "a test card: succeeds, declines, fraud, 3D Secure",
	Heading:  "card",
	Fields: []DetailField{
		{Path: "card.id", Label: "id"},
		{Path: "card.brand", Label: "brand", Value: func(f Fields) string {
			return withDetail(f.Get("card.brand"), f.Get("card.funding"), f.Get("card.country"))
		}},
		{Path: "card.last4", Label: "number", Value: func(f Fields) string {
			return MaskLast4(f.Get("card.last4"), f.Get("card.brand"))
		}},
		{Path: "card.exp", Label: "expires", Value: func(f Fields) string {
			m, _ := strconv.Atoi(f.Get("card.exp_month"))
			if m == 0 {
				return ""
			}
			return fmt.Sprintf("%02d/%s", m, f.Get("card.exp_year"))
		}},
		{Path: "card.cvc_check", Label: "cvc_check", Value: func(f Fields) string {
			if v := f.Get("card.cvc_check"); v != "" || !f.Has("card") {
				return v
			}
			return "unchecked" // no CVC was checked: Stripe's word for it
		}},
		{Path: "card.address_line1_check", Label: "line1_check"},
		{Path: "card.address_zip_check", Label: "zip_check"},
		{Path: "card.fingerprint", Label: "fingerprint"},
		{Path: "card.name", Label: "name"},
	},
	Uses: []UseKind{UseCharge, UseCustomer},
}
