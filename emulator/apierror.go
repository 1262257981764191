package emulator

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// apiError is Stripe's error object. Status is the HTTP status Stripe sends
// with it: 400 invalid_request_error, 401 authentication, 402 card_error,
// 404 missing objects and routes.
type apiError struct {
	Status      int    `json:"-"`
	Charge      string `json:"charge,omitempty"`
	Code        string `json:"code,omitempty"`
	DeclineCode string `json:"decline_code,omitempty"`
	DocURL      string `json:"doc_url,omitempty"`
	Message     string `json:"message"`
	Param       string `json:"param,omitempty"`
	Type        string `json:"type"`
}

func (e *apiError) Error() string {
	return fmt.Sprintf("%d %s %s: %s", e.Status, e.Type, e.Code, e.Message)
}

const (
	invalidRequest = "invalid_request_error"
	cardError      = "card_error"
	idempotencyErr = "idempotency_error"
)

// newError fills in the doc_url Stripe gives every coded error.
func newError(status int, typ, code, param, msg string) *apiError {
	e := &apiError{Status: status, Type: typ, Code: code, Param: param, Message: msg}
	if code != "" {
		e.DocURL = "https://stripe.com/docs/error-codes/" + strings.ReplaceAll(code, "_", "-")
	}
	return e
}

func invalid(code, param, msg string) *apiError {
	return newError(http.StatusBadRequest, invalidRequest, code, param, msg)
}

func missingParam(param string) *apiError {
	return invalid("parameter_missing", param, "Missing required param: "+param+".")
}

// noSuch is Stripe's resource_missing: 404 on a GET of the object itself,
// 400 when a POST names it in a parameter.
func noSuch(status int, what, id, param string) *apiError {
	e := invalid("resource_missing", param, fmt.Sprintf("No such %s: '%s'", what, id))
	e.Status = status
	return e
}

func declined(code, declineCode, msg, param string) *apiError {
	e := newError(http.StatusPaymentRequired, cardError, code, param, msg)
	e.DeclineCode = declineCode
	return e
}

func unrecognizedURL(r *http.Request) *apiError {
	e := invalid("", "", fmt.Sprintf("Unrecognized request URL (%s: %s). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.", r.Method, r.URL.Path))
	e.Status = http.StatusNotFound
	return e
}

// secretRefused answers a request whose stored fields would put a card
// number or a key into emulator.json: refused, nothing stored. It names
// the secret by its hint (last 4, key prefix) only.
func secretRefused(se *fsutil.SecretError) *apiError {
	return newError(http.StatusBadRequest, invalidRequest, "", "",
		fmt.Sprintf("This request holds what looks like a %s (%s) in a field the emulator stores (a name, a description, an email); %ss never go there. Nothing was stored.", se.Kind, se.Hint, se.Kind))
}
