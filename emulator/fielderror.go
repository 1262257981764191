package emulator

import (
	"errors"
	"net/http"
	"strings"
	"unicode"

	"github.com/tokenscope/tokenscope/model"
)

// cardMessages are Stripe's own messages for the card errors tokenization
// gives; model's messages explain more, Stripe's are what clients show.
var cardMessages = map[string]string{
	"incorrect_number":     "Your card number is incorrect.",
	"invalid_number":       "Your card number is invalid.",
	"invalid_expiry_month": "Your card's expiration month is invalid.",
	"invalid_expiry_year":  "Your card's expiration year is invalid.",
	"invalid_cvc":          "Your card's security code is invalid.",
}

// fieldError turns a failed model check into Stripe's error: card errors are
// 402 with Stripe's message, other refusals 400. A nil error (also a nil
// *model.FieldError) gives nil.
func fieldError(err error) *apiError {
	var fe *model.FieldError
	if !errors.As(err, &fe) {
		if err != nil {
			return apiFault(err)
		}
		return nil
	}
	if fe == nil {
		return nil
	}
	if fe.Code == "parameter_missing" {
		return missingParam(fe.Param)
	}
	if fe.Type == model.TypeCardError {
		msg, ok := cardMessages[fe.Code]
		if !ok {
			msg = sentence(fe.Message)
		}
		return newError(http.StatusPaymentRequired, model.TypeCardError, fe.Code, fe.Param, msg)
	}
	return invalid(fe.Code, fe.Param, sentence(fe.Message))
}

// sentence capitalizes model's message and ends it with a period, as
// Stripe's messages read.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	out := string(r)
	if !strings.HasSuffix(out, ".") {
		out += "."
	}
	return out
}
