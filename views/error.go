package views

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/tokenscope/tokenscope/model"
)

// Error is a failure as tokenscope shows it, in the CLI and the TUI
// alike: what went wrong in a few words, Stripe's fields, and tokenscope's
// explanation and next step (model.Error's Why and Next).
type Error struct {
	// Stripe is the error in Stripe's shape, explained; nil for an error
	// of no such shape, which is shown by its text.
	Stripe *model.Error
	err    error
	tui    bool
	guest  bool // ForGuest
}

// InTUI is e as the TUI shows it: its next step the TUI's own where the
// explanation has one (model.Explanation.TUI), since the CLI's names
// flags and commands the TUI has no use for.
func (e Error) InTUI() Error {
	e.tui = true
	return e
}

// NewError describes err; a local check's model.FieldError reads like the
// refusal it stands for (model.Explained).
func NewError(err error) Error {
	e, _ := model.Explained(err)
	return Error{Stripe: e, err: err}
}

// Title names what went wrong in a few words: the code, and whether the
// request ever left the machine: "card_declined  (HTTP 402)".
func (e Error) Title() string {
	s := e.Stripe
	if s == nil {
		if code := model.LocalCodeOf(e.err); code != "" {
			return code
		}
		return "error"
	}
	title := s.Code
	if title == "" {
		title = s.Type
	}
	switch {
	case s.Local:
		title += "  (local check, nothing was sent)"
	case s.HTTPStatus > 0:
		title += fmt.Sprintf("  (HTTP %d)", s.HTTPStatus)
	}
	return Clean(title)
}

// Headline is the CLI's "Error: ..." line: Stripe's message when the
// error is Stripe's own (its code and the rest follow as fields), else the
// error's text, which says what failed around it.
func (e Error) Headline() string {
	if text, ok := e.forGuest(); ok {
		return CleanLines(text)
	}
	switch v := e.err.(type) {
	case *model.Error:
		if v.Message != "" {
			return Clean(e.guestText(v.Message))
		}
	case *model.FieldError:
		if v.Message != "" {
			return Clean(v.Message)
		}
	}
	return CleanLines(e.guestText(e.err.Error()))
}

// Fields are the error's fields in the order both renderings list them:
// type, code, decline_code, param, message, charge, request id, why,
// next; empty ones are left out. An error of no Stripe shape is its
// message.
func (e Error) Fields() []Field {
	guest, forGuest := e.forGuest()
	s := e.Stripe
	if s == nil {
		if !forGuest {
			guest = e.guestText(e.err.Error())
		}
		return []Field{{Path: "message", Label: "message", Value: Clean(guest)}}
	}
	message, why, next := e.guestText(s.Message), s.Why, s.Next
	if e.tui && s.NextTUI != "" {
		next = s.NextTUI
	}
	if forGuest {
		// Stripe's fields stay; what only the server's user can act on
		// goes.
		message, why, next = guest, "", ""
	}
	var out []Field
	for _, f := range [][2]string{
		{"type", s.Type}, {"code", s.Code}, {"decline_code", s.DeclineCode}, {"param", s.Param},
		{"message", message}, {"charge", s.Charge}, {"payment_intent", s.PaymentIntent}, {"request id", s.RequestID},
		{"why", why}, {"next", next},
	} {
		if f[1] != "" {
			out = append(out, Field{Path: f[0], Label: f[0], Value: Clean(f[1])})
		}
	}
	return out
}

// ErrorJSON is Stripe's error object ({"error":{...}}) plus request_id,
// which Stripe sends as a header.
type ErrorJSON struct {
	Error struct {
		Type        string `json:"type"`
		Code        string `json:"code,omitempty"`
		DeclineCode string `json:"decline_code,omitempty"`
		Param       string `json:"param,omitempty"`
		Message     string `json:"message,omitempty"`
		Charge      string `json:"charge,omitempty"`
		// PaymentIntent is its id only: Stripe's error carries the object.
		PaymentIntent string `json:"payment_intent,omitempty"`
		RequestID     string `json:"request_id,omitempty"`
	} `json:"error"`
}

// TypeLocalFault is the type of an error of tokenscope's own in JSON (the
// state is locked, unreadable or could not be written): Stripe's shape, so
// a script reading --json always finds one error object.
const TypeLocalFault = "tokenscope_error"

// WriteJSON writes the error as Stripe's error object; an error of no
// Stripe shape is one of type tokenscope_error with its text as message
// and its code of tokenscope's own (model.LocalCodeOf: state_locked, ...).
func (e Error) WriteJSON(w io.Writer) error {
	s := e.Stripe
	if s == nil {
		var out ErrorJSON
		out.Error.Type, out.Error.Message = TypeLocalFault, e.err.Error()
		out.Error.Code = model.LocalCodeOf(e.err)
		return WriteJSON(w, out)
	}
	var out ErrorJSON
	o := &out.Error
	o.Type, o.Code, o.DeclineCode, o.Param = s.Type, s.Code, s.DeclineCode, s.Param
	o.Message, o.Charge, o.PaymentIntent, o.RequestID = s.Message, s.Charge, s.PaymentIntent, s.RequestID
	return WriteJSON(w, out)
}

// WriteJSON prints v indented, as every --json document is.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
