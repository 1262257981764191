package model

import "strings"

// IsMagicID reports whether id is one of Stripe's magic test ids, which
// stand for a fresh object rather than name one: GET /v1/tokens/tok_visa
// answers with a new tok_ id each time, and so do the magic payment
// methods (pm_card_visa, pm_card_chargeDeclined, ...) with a new pm_ id.
func IsMagicID(id string) bool {
	_, ok := MagicTokens[id]
	return ok || strings.HasPrefix(id, "pm_card_")
}
