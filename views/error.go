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
		return model.OwnCode(e.err)
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
// next; empty ones are left out. An error of no Stripe shape is one of
// tokenscope's own: type tokenscope_error, its code (model.OwnCode), its
// text as message and its code's explanation, if the code has one.
func (e Error) Fields() []Field {
	guest, forGuest := e.forGuest()
	own := e.own()
	message, why, next := e.guestText(own.Message), own.Why, own.Next
	if e.tui && own.NextTUI != "" {
		next = own.NextTUI
	}
	if forGuest {
		// The type and code stay; what only the server's user can act
		// on goes.
		message, why, next = guest, "", ""
	} else if e.guest {
		why, next = guestSteps(own, why, next)
	}
	var out []Field
	for _, f := range [][2]string{
		{"type", own.Type}, {"code", own.Code}, {"decline_code", own.DeclineCode}, {"param", own.Param},
		{"message", message}, {"charge", own.Charge}, {"payment_intent", own.PaymentIntent}, {"request id", own.RequestID},
		{"why", why}, {"next", next},
	} {
		if f[1] != "" {
			out = append(out, Field{Path: f[0], Label: f[0], Value: Clean(f[1])})
		}
	}
	return out
}

// own is e in Stripe's shape: Stripe, or for an error of tokenscope's own
// one of type tokenscope_error with its code, its text as message and its
// code's explanation. It is the one place such an error gets its fields,
// for both renderings.
func (e Error) own() *model.Error {
	if e.Stripe != nil {
		return e.Stripe
	}
	o := &model.Error{Type: model.TypeTokenscope, Code: model.OwnCode(e.err), Message: e.err.Error()}
	if x, ok := model.ExplanationOf(o.Code); ok {
		o.Why, o.Next, o.NextTUI = x.Why, x.Next, x.TUI
	}
	return o
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

// WriteJSON writes the error as Stripe's error object; an error of no
// Stripe shape is one of type tokenscope_error with its text as message
// and its code of tokenscope's own (model.OwnCode: state_locked, ...).
func (e Error) WriteJSON(w io.Writer) error {
	s := e.own()
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
