package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// TokenIDPrefixes are the id prefixes of every kind of token (card, bank
// account, PII, account, person, CVC update), from the kind registry.
var TokenIDPrefixes = PrefixesOf(ObjectToken)

// ParamTokenID is the param a retrieve names: the {id} of GET /v1/tokens/{id}.
const ParamTokenID = "id"

// maxTokenIDLen bounds an id: Stripe's ids are well under 255 characters.
const maxTokenIDLen = 255

// ValidateTokenID is the one local check of a token id, run before the id
// goes into a request path (GET /v1/tokens/{id}) or a source parameter: a
// token prefix, then letters, digits and _ only, at most 255 characters.
// Anything else Stripe would answer with resource_missing, so that is the
// code here; checking locally keeps a card number pasted by mistake, or a
// path such as ../../x, from ever being sent. param is ParamTokenID or
// ParamSource. The message shows the id as typed, quoted, except that an
// id holding a card-like run or nine or more digits is shown by its last 4.
func ValidateTokenID(id, param string) *FieldError {
	if strings.TrimSpace(id) == "" {
		return missing(param, "the token id")
	}
	if wellFormedTokenID(id) {
		return nil
	}
	hint := "; a token id starts with " + strings.Join(TokenIDPrefixes, ", ") + " followed by letters, digits and _ (tok_visa works too)"
	if last4, ok := LooksLikeCardNumber(id); ok {
		return requestErr("resource_missing", param, "this looks like a card number (ending "+last4+"), not a token id; it was not sent"+hint)
	}
	return requestErr("resource_missing", param, "No such token: "+echoID(id)+hint)
}

func wellFormedTokenID(id string) bool {
	if len(id) > maxTokenIDLen {
		return false
	}
	s, ok := KindOfID(id)
	if !ok || s.Object != ObjectToken {
		return false
	}
	for _, p := range s.Prefixes {
		if rest, ok := strings.CutPrefix(id, p); ok {
			return rest != "" && strings.Trim(rest, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == ""
		}
	}
	return false
}

// echoIDMax is how much of a bad id an error repeats.
const echoIDMax = 60

// echoID shows a refused id as typed, in Stripe's quotes ('tok visa'),
// with control characters escaped, cut to echoIDMax characters; an id with
// nine or more digits (an id number, an account or card number) only by
// its last 4.
func echoID(id string) string {
	digits := 0
	for i := 0; i < len(id); i++ {
		if isDigit(id[i]) {
			digits++
		}
	}
	if digits >= 9 {
		return "'•••• " + Last4(id) + "'"
	}
	if utf8.RuneCountInString(id) > echoIDMax {
		id = string([]rune(id)[:echoIDMax]) + "…"
	}
	q := strconv.Quote(id)
	return "'" + q[1:len(q)-1] + "'"
}
