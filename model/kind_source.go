package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Some objects are read only under the object they belong to, their
// owner: a customer's card or bank account (card_, ba_) as GET
// /v1/customers/{customer}/sources/{id}, a Connect account's person
// (person_) as GET /v1/accounts/{account}/persons/{id}. Their kinds' Path
// holds the owner's name in braces, which ObjectPath fills in.

// sourcesPath is where a customer's sources are read by id.
const sourcesPath = "/v1/customers/{customer}/sources/"

// Owner is what an object of the kind is read under ("customer",
// "account"), "" for a kind read by its id alone: `get` must find the
// owner first.
func (s *KindSpec) Owner() string {
	_, rest, ok := strings.Cut(s.Path, "{")
	owner, _, closed := strings.Cut(rest, "}")
	if !ok || !closed {
		return ""
	}
	return owner
}

// ObjectPath is where the object id of the kind is read: Path and the
// id, with the owner's id in place of {owner} ("" for a kind without
// one).
func (s *KindSpec) ObjectPath(id, owner string) string {
	if o := s.Owner(); o != "" {
		return strings.Replace(s.Path, "{"+o+"}", owner, 1) + id
	}
	return s.Path + id
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
