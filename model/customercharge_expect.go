package model

import "strings"

// cardChargeExpect is what a charge of a customer's default source is
// expected to get when that source is a test card (card: the source as
// GET /v1/customers/{id}/sources/{card} returns it), for the plan's note
// beside the source: "; test card customer_charge_fail, expected:
// declined, card_declined / generic_decline", as a token's plans say
// what to expect. "" when card is no card, or no test card has its
// brand, last 4 and country.
func cardChargeExpect(card Fields) string {
	if card == nil || card.Get("object") != "card" {
		return ""
	}
	last4, country, brand := card.Get("last4"), card.Get("country"), card.Get("brand")
	if len(last4) != 4 {
		return ""
	}
	for i := range Cards {
		c := &Cards[i]
		if strings.HasSuffix(c.Number, last4) && (country == "" || c.Country == country) && (brand == "" || c.Brand == brand) {
			return "; test card " + c.Name + ", " + UseExpect(UseRequest{Kind: UseCharge}, c)
		}
	}
	return ""
}
