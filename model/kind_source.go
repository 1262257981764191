package model

import (
	"fmt"
	"strconv"
	"strings"
)

// A customer's sources, the card (card_) or bank account (ba_) a token
// became on a customer, are read under their customer: GET
// /v1/customers/{customer}/sources/{id}. Their kinds' Path holds
// {customer}, which ObjectPath fills in.

// sourcesPath is where a customer's sources are read by id.
const sourcesPath = "/v1/customers/{customer}/sources/"

// UnderCustomer reports a kind whose objects are read under the customer
// they belong to (Path holds {customer}): `get` must find the customer
// first.
func (s *KindSpec) UnderCustomer() bool { return strings.Contains(s.Path, "{customer}") }

// ObjectPath is where the object id of the kind is read: Path and the
// id, with {customer} the customer it belongs to ("" for a kind not read
// under one).
func (s *KindSpec) ObjectPath(id, customer string) string {
	return strings.Replace(s.Path, "{customer}", customer, 1) + id
}

// KindCardSource is a customer's card (card_), the object a card token
// becomes on a customer; it shares its name with the card token's kind.
const KindCardSource Kind = "card"

// cardSourceKind is a card on a customer.
var cardSourceKind = &KindSpec{
	Kind:     KindCardSource,
	Object:   "card",
	Prefixes: []string{"card_"},
	Short:    "card",
	Label:    "card",
	Path:     sourcesPath,
	Summary: func(f Fields) string {
		return f.Get("brand") + " •••• " + f.Get("last4")
	},
	Fields: []DetailField{
		{Path: "customer", Label: "customer"},
		{Path: "brand", Label: "brand", Value: func(f Fields) string {
			return withDetail(f.Get("brand"), f.Get("funding"), f.Get("country"))
		}},
		{Path: "last4", Label: "number", Value: func(f Fields) string { return MaskLast4(f.Get("last4"), f.Get("brand")) }},
		{Path: "exp", Label: "expires", Value: func(f Fields) string {
			m, _ := strconv.Atoi(f.Get("exp_month"))
			if m == 0 {
				return ""
			}
			return fmt.Sprintf("%02d/%s", m, f.Get("exp_year"))
		}},
		{Path: "cvc_check", Label: "cvc_check"},
		{Path: "fingerprint", Label: "fingerprint"},
	},
}

// isCodeNotCard: "card_declined", "card_velocity_exceeded" are Stripe's
// codes, not cards. A card's id is random base62 after card_, which has
// capitals or digits; a code has lower case letters and _ only.
func isCodeNotCard(s *KindSpec, id string) bool {
	rest, ok := strings.CutPrefix(id, "card_")
	return s == cardSourceKind && ok && strings.Trim(rest, "abcdefghijklmnopqrstuvwxyz_") == ""
}
