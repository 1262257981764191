package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// The emulator's refusals are model.Error, the one error model the client
// reads back; HTTPStatus is the status Stripe sends with each: 400
// invalid_request_error, 401 authentication, 402 card_error, 404 missing
// objects and routes, 500 api_error.

// errorJSON is model.Error as Stripe writes it in a response body.
type errorJSON struct {
	Charge      string `json:"charge,omitempty"`
	Code        string `json:"code,omitempty"`
	DeclineCode string `json:"decline_code,omitempty"`
	DocURL      string `json:"doc_url,omitempty"`
	Message     string `json:"message"`
	Param       string `json:"param,omitempty"`
	// PaymentIntent is the PaymentIntent a decline on confirm left in
	// requires_payment_method, as Stripe sends it.
	PaymentIntent any `json:"payment_intent,omitempty"`
	// PaymentMethod is the PaymentMethod that was declined, with the
	// PaymentIntent or SetupIntent.
	PaymentMethod any `json:"payment_method,omitempty"`
	// SetupIntent is the SetupIntent a decline on confirm left in
	// requires_payment_method.
	SetupIntent any    `json:"setup_intent,omitempty"`
	Type        string `json:"type"`
}

// errorResponse writes e as Stripe's error JSON. Stripe quotes what it
// refuses ("No such token: '...'", "Received unknown parameter: ...");
// the emulator quotes it too, with any card number or key in the quote
// masked (model.MaskSecrets): here, once, whatever path the refusal took,
// so no check, present or to come, echoes a secret a request held.
func errorResponse(e *model.Error, reqID string) response {
	return errorResponseWith(e, reqID, nil, nil, nil)
}

// errorResponseWith is errorResponse carrying the PaymentIntent pi (or
// SetupIntent si) and the PaymentMethod pm a decline on confirm names
// (nil: none).
func errorResponseWith(e *model.Error, reqID string, pi, si, pm any) response {
	out := errorJSON{Charge: e.Charge, Code: e.Code, DeclineCode: e.DeclineCode, Message: model.MaskSecrets(e.Message), Param: model.MaskSecrets(e.Param), Type: e.Type,
		PaymentIntent: pi, SetupIntent: si, PaymentMethod: pm}
	if e.Type != model.TypeAPIError { // its codes are tokenscope's own (disk_full): Stripe has no page on them
		out.DocURL = docURL(e.Code)
	}
	body, _ := json.Marshal(struct {
		Error errorJSON `json:"error"`
	}{out})
	return response{status: e.HTTPStatus, body: body, requestID: reqID}
}

// docURL is the page that explains an error code: Stripe gives one to
// every coded error ("" for none, and for the emulator's own code, which
// Stripe's pages do not explain).
func docURL(code string) string {
	if code == "" || code == codeNotModelled {
		return ""
	}
	return "https://stripe.com/docs/error-codes/" + strings.ReplaceAll(code, "_", "-")
}

const idempotencyErr = "idempotency_error"

func newError(status int, typ, code, param, msg string) *model.Error {
	return &model.Error{HTTPStatus: status, Type: typ, Code: code, Param: param, Message: msg}
}

func invalid(code, param, msg string) *model.Error {
	return newError(http.StatusBadRequest, model.TypeInvalidRequest, code, param, msg)
}

func missingParam(param string) *model.Error {
	return invalid("parameter_missing", param, "Missing required param: "+param+".")
}

// invalidObject is Stripe's refusal of a string given for a hash (an
// address), word for word as its live answers show it
// (stripe/stripe-postman#17, stripe/stripe-cli#980): no code, the param
// named. An empty string, which unsets the hash, is not refused.
func invalidObject(param string) *model.Error {
	return invalid("", param, "Invalid object")
}

// noSuch is Stripe's resource_missing: 404 on a GET of the object itself,
// 400 when a POST names it in a parameter.
func noSuch(status int, what, id, param string) *model.Error {
	e := invalid("resource_missing", param, fmt.Sprintf("No such %s: '%s'", what, id))
	e.HTTPStatus = status
	return e
}

// declineParams are the card fields Stripe names in a decline's param.
var declineParams = map[string]string{
	"expired_card":  "exp_month",
	"incorrect_cvc": "cvc",
}

func declined(code, declineCode, msg, param string) *model.Error {
	e := newError(http.StatusPaymentRequired, model.TypeCardError, code, param, msg)
	e.DeclineCode = declineCode
	return e
}

// unrecognizedURL is the 404 for a request no endpoint serves: Stripe's
// "Unrecognized request URL", or, for a route Stripe has and the
// emulator does not (striperoutes.go), a message that says so rather
// than that the URL is wrong.
func unrecognizedURL(r *http.Request) *model.Error {
	msg := fmt.Sprintf("Unrecognized request URL (%s: %s). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.", r.Method, r.URL.Path)
	if slash, ok := trailingSlashURL(r); ok {
		msg = slash
	} else if route := stripeRoute(r); route != "" {
		msg = route + " is a Stripe endpoint that the tokenscope emulator does not emulate (yet). Test this request against Stripe's test mode or stripe-mock."
	}
	e := invalid("", "", msg)
	e.HTTPStatus = http.StatusNotFound
	return e
}

// apiFault is Stripe's api_error: something went wrong on the server side
// (here: the store could not be read or written).
// A fault of its own files keeps its code (emulator_corrupt,
// state_locked): the client's --json error object carries it.
func apiFault(err error) *model.Error {
	return newError(http.StatusInternalServerError, model.TypeAPIError, model.LocalCodeOf(err), "", err.Error())
}

// secretRefused answers a request whose stored fields would put a card
// number or a key into the store: refused, nothing stored. It names the
// secret by its hint (last 4, key prefix) only.
func secretRefused(se *fsutil.SecretError) *model.Error {
	return invalid("", "",
		fmt.Sprintf("This request holds what looks like a %s (%s) in a field the emulator stores (a name, a description, an email); %ss never go there. Nothing was stored.", se.Kind, se.Hint, se.Kind))
}
