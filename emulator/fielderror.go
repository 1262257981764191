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

// fieldError is a failed model check as Stripe answers it. model.AsError
// makes the model.Error; the emulator adds the HTTP status (402 for card
// errors, 400 for other refusals) and Stripe's wording of the message. A nil
// error, also a nil *model.FieldError, gives nil.
func fieldError(err error) *model.Error {
	var fe *model.FieldError
	if err == nil || errors.As(err, &fe) && fe == nil {
		return nil
	}
	e, ok := model.AsError(err)
	if !ok {
		return apiFault(err)
	}
	switch {
	case e.Code == "parameter_missing":
		return missingParam(e.Param)
	case e.Type == model.TypeCardError:
		msg, ok := cardMessages[e.Code]
		if !ok {
			msg = sentence(e.Message)
		}
		return newError(http.StatusPaymentRequired, model.TypeCardError, e.Code, e.Param, msg)
	}
	return invalid(e.Code, e.Param, sentence(e.Message))
}

// sentence capitalizes model's message and ends it with a period, as
// Stripe's messages read. A message model already writes in Stripe's own
// words starts with a capital ("Amount must be at least $0.50 usd",
// "No such token: 'tok_1'") and is sent as it is.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if unicode.IsUpper(r[0]) {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	out := string(r)
	if !strings.HasSuffix(out, ".") {
		out += "."
	}
	return out
}
