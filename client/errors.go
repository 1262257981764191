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

// fromValidation turns a local check's FieldError into the explained
// *model.Error the client reports; other errors pass.
func fromValidation(err error) error {
	if e, ok := model.Explained(err); ok {
		return e
	}
	return err
}

// fromAPI converts what stripe-go returned into a *model.Error: Stripe's own
// errors keep every field; an answer that is not JSON names the server
// that gave it (notStripe); anything else got no usable answer and is a
// connection error.
func (c *Client) fromAPI(err error) error {
	if err == nil {
		return nil
	}
	var se *stripe.Error
	var e *model.Error
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &se):
		e = &model.Error{
			Type:        string(se.Type),
			Code:        string(se.Code),
			DeclineCode: string(se.DeclineCode),
			Param:       se.Param,
			Message:     se.Msg,
			RequestID:   se.RequestID,
			HTTPStatus:  se.HTTPStatusCode,
			Charge:      se.ChargeID,
		}
		if se.PaymentIntent != nil {
			e.PaymentIntent = se.PaymentIntent.ID
		}
		if se.SetupIntent != nil {
			e.SetupIntent = se.SetupIntent.ID
		}
	case notJSON.MatchString(err.Error()):
		return c.notStripe(err.Error())
	case errors.Is(err, context.Canceled):
		e = &model.Error{Type: model.TypeConnection, Code: model.CodeCancelled, Message: "cancelled before an answer came", Cause: err}
	default:
		msg := err.Error()
		if errors.Is(err, context.DeadlineExceeded) {
			msg = "timed out: " + msg
		}
		e = &model.Error{Type: model.TypeConnection, Message: msg, Cause: err}
	}
	e.Explain()
	if e.Code == "resource_missing" && c.backend.Kind == model.BackendOffline && !strings.Contains(e.Message, "a similar object exists") {
		// Offline no key chose the account: the emulator has no such object.
		e.Why = "the offline emulator has no such object: it was made on another backend (Stripe, stripe-mock) or with another state dir"
		e.Next = "make it again offline, or run with the backend and --state-dir that made it"
	}
	return e
}

// refuseLivemode is the answer to a response that claims live mode: it is
// never shown or stored, whatever the key said.
func refuseLivemode(object, requestID string) *model.Error {
	e := &model.Error{
		Type:       model.TypeInvalidRequest,
		Code:       model.CodeLivemodeResponse,
		Message:    fmt.Sprintf("the API returned a live-mode %s; tokenscope works in test mode only and discarded it", object),
		RequestID:  requestID,
		HTTPStatus: http.StatusOK,
	}
	e.Explain()
	return e
}

// notJSON is stripe-go's (untyped) error for an answer that is not JSON:
// the HTTP status and up to 500 bytes of the body, newlines escaped.
var notJSON = regexp.MustCompile(`(?s)^Couldn't deserialize JSON \(response status: (\d+), body sample: '(.*)'\): `)

// notStripe is the error for a server that answered, but not as Stripe
// does (--api-base pointing at a web server, a proxy's error page): it
// names the server and the status and keeps one line of the body, not
// stripe-go's 500-byte dump of the page.
func (c *Client) notStripe(msg string) *model.Error {
	m := notJSON.FindStringSubmatch(msg)
	status, _ := strconv.Atoi(m[1])
	text := fmt.Sprintf("the server at %s answered HTTP %d, not Stripe's JSON", c.backend.URL, status)
	if line := bodyExcerpt(m[2]); line != "" {
		text += ": " + line
	}
	return &model.Error{
		Type: model.TypeAPIError, Message: text, HTTPStatus: status,
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
