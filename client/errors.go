package client

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// Error types tokenscope adds to Stripe's own (card_error,
// invalid_request_error, api_error, idempotency_error).
const (
	// TypeConnection is a request that got no HTTP answer (DNS, refused
	// connection, timeout, cancelled). stripe-go v85 has no constant for it;
	// the name is the one Stripe's other libraries use.
	TypeConnection = "api_connection_error"
	typeInvalid    = "invalid_request_error"
)

// Error is every refusal the client reports, local or remote, in one shape so
// the TUI and the CLI show the same fields: type, code, param, message,
// request id and a plain explanation.
type Error struct {
	Type, Code, DeclineCode, Param, Message, RequestID string
	HTTPStatus                                         int
	// ChargeID is the failed charge, on a decline: Stripe keeps it, so the
	// Use recorded on the token can point at it.
	ChargeID string
	// Local: refused by a local check, never sent.
	Local bool
	// Why and Next are a plain explanation and next step (explain.go).
	Why, Next string
}

// Error reads like a FieldError: "number: incorrect_number: Your card number
// is incorrect. (request req_123)".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Param != "" {
		b.WriteString(e.Param + ": ")
	}
	code := e.Code
	if code == "" {
		code = e.Type
	}
	b.WriteString(code)
	if e.DeclineCode != "" && e.DeclineCode != e.Code {
		b.WriteString(" (" + e.DeclineCode + ")")
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request " + e.RequestID + ")")
	}
	return b.String()
}

// AsError finds the *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Exit codes of DESIGN.md.
const (
	ExitOK        = 0
	ExitRefused   = 1 // the API refused (card_error, invalid_request_error, ...), or the state is locked or unreadable
	ExitUsage     = 2 // bad usage or a local check
	ExitTransient = 3 // network or server fault: retrying later may work
)

// ExitCode maps an error to the process exit code. 429 counts as a fault
// (3), not a refusal: nothing was wrong with the request and the same
// command succeeds once the rate drops, which is what scripts need to know
// to retry. Errors that are not *Error are usage errors only when they are
// model.FieldError; anything else is 1, a state lock held by another
// process or a state file that cannot be read among them (Terraform exits 1
// on a lock error too).
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	if e, ok := AsError(err); ok {
		switch {
		case e.Local:
			return ExitUsage
		case e.Type == TypeConnection, e.HTTPStatus >= 500, e.HTTPStatus == http.StatusTooManyRequests:
			return ExitTransient
		}
		return ExitRefused
	}
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return ExitUsage
	}
	return ExitRefused
}

// localError is a refusal by a check that ran before anything was sent.
func localError(code, param, message string) *Error {
	e := &Error{Type: typeInvalid, Code: code, Param: param, Message: message, Local: true}
	e.explain()
	return e
}

// fromValidation turns model's FieldError into an *Error; other errors pass.
func fromValidation(err error) error {
	var fe *model.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	return FromFieldError(fe)
}

// FromFieldError is a local check's refusal as the client reports it: the
// same fields, Local (nothing was sent, exit 2) and explained, so a check
// the CLI or the UI ran itself reads like one the client ran.
func FromFieldError(fe *model.FieldError) *Error {
	e := &Error{Type: fe.Type, Code: fe.Code, Param: fe.Param, Message: fe.Message, Local: true}
	e.explain()
	return e
}

// fromAPI converts what stripe-go returned into an *Error: Stripe's own
// errors keep every field; an answer that is not JSON names the server
// that gave it (notStripe); anything else got no usable answer and is a
// connection error.
func (c *Client) fromAPI(err error) error {
	if err == nil {
		return nil
	}
	var se *stripe.Error
	var e *Error
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &se):
		e = &Error{
			Type:        string(se.Type),
			Code:        string(se.Code),
			DeclineCode: string(se.DeclineCode),
			Param:       se.Param,
			Message:     se.Msg,
			RequestID:   se.RequestID,
			HTTPStatus:  se.HTTPStatusCode,
			ChargeID:    se.ChargeID,
		}
	case notJSON.MatchString(err.Error()):
		return c.notStripe(err.Error())
	default:
		msg := err.Error()
		if errors.Is(err, context.DeadlineExceeded) {
			msg = "timed out: " + msg
		}
		e = &Error{Type: TypeConnection, Message: msg}
	}
	e.explain()
	return e
}

// refuseLivemode is the answer to a response that claims live mode: it is
// never shown or stored, whatever the key said.
func refuseLivemode(object, requestID string) *Error {
	e := &Error{
		Type:       typeInvalid,
		Code:       codeLivemodeResponse,
		Message:    fmt.Sprintf("the API returned a live-mode %s; tokenscope works in test mode only and discarded it", object),
		RequestID:  requestID,
		HTTPStatus: http.StatusOK,
	}
	e.explain()
	return e
}

// notJSON is stripe-go's (untyped) error for an answer that is not JSON:
// the HTTP status and up to 500 bytes of the body, newlines escaped.
var notJSON = regexp.MustCompile(`(?s)^Couldn't deserialize JSON \(response status: (\d+), body sample: '(.*)'\): `)

// notStripe is the error for a server that answered, but not as Stripe
// does (--api-base pointing at a web server, a proxy's error page): it
// names the server and the status and keeps one line of the body, not
// stripe-go's 500-byte dump of the page.
func (c *Client) notStripe(msg string) *Error {
	m := notJSON.FindStringSubmatch(msg)
	status, _ := strconv.Atoi(m[1])
	text := fmt.Sprintf("the server at %s answered HTTP %d, not Stripe's JSON", c.backend.URL, status)
	if line := bodyExcerpt(m[2]); line != "" {
		text += ": " + line
	}
	return &Error{
		Type: "api_error", Message: text, HTTPStatus: status,
		Why:  "the server at " + c.backend.URL + " is not Stripe's API, or something in front of it answered instead",
		Next: "check --api-base: it should name Stripe, stripe-mock or `tokenscope emulator`",
	}
}

var htmlTag = regexp.MustCompile(`<[^>]*>`)

// excerptMax bounds the part of a foreign body an error quotes.
const excerptMax = 200

// bodyExcerpt is the first line of text in a body sample: HTML tags and
// entities undone, control characters dropped (the body comes from an
// unknown server and reaches the terminal), at most excerptMax characters.
func bodyExcerpt(sample string) string {
	sample = strings.TrimSuffix(sample, " ...")
	sample = html.UnescapeString(htmlTag.ReplaceAllString(strings.ReplaceAll(sample, `\n`, "\n"), " "))
	for _, line := range strings.Split(sample, "\n") {
		line = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, line)), " ")
		if line == "" {
			continue
		}
		if r := []rune(line); len(r) > excerptMax {
			line = string(r[:excerptMax-1]) + "…"
		}
		return line
	}
	return ""
}
