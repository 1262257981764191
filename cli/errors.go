package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/tokenscope/tokenscope/model"
)

// usageError is a command line tokenscope cannot run: exit 2, with a hint
// to the command's help.
type usageError struct {
	err error
	cmd string
}

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// usagef makes a usageError for cmd (its CommandPath).
func usagef(cmd, format string, args ...any) error {
	return usageError{err: fmt.Errorf(format, args...), cmd: cmd}
}

// printError is the one place errors are printed. stderr gets
// "Error: <message>" and, for a Stripe or validation error, every field
// that helps (type, code, decline_code, param, charge, request id, why,
// next). With --json, stdout also gets Stripe's error object, so stdout
// always holds exactly one JSON document: the object or the error. Commands
// that stream JSON lines (refresh) put their errors in the stream as
// diagnostics instead.
func (a *app) printError(err error) {
	fmt.Fprintf(a.stderr, "Error: %s\n", message(err))
	e := stripeShaped(err)
	if e != nil {
		tw := tabwriter.NewWriter(a.stderr, 0, 0, 2, ' ', 0)
		for _, f := range [][2]string{
			{"type", e.Type}, {"code", e.Code}, {"decline_code", e.DeclineCode},
			{"param", e.Param}, {"charge", e.Charge}, {"request id", e.RequestID},
			{"why", e.Why}, {"next", e.Next},
		} {
			if f[1] != "" {
				fmt.Fprintf(tw, "  %s\t%s\n", f[0], f[1])
			}
		}
		tw.Flush()
		if e.Local {
			fmt.Fprintln(a.stderr, "  (refused locally: nothing was sent)")
		}
	}
	var u usageError
	if errors.As(err, &u) && u.cmd != "" {
		fmt.Fprintf(a.stderr, "Run '%s --help' for usage.\n", u.cmd)
	}
	if a.json && !a.stream && e != nil {
		writeErrorJSON(a.stdout, e)
	}
}

// message is the headline: Stripe's message when err is a Stripe-shaped
// error itself (the code and the rest follow on their own lines), else the
// error text, which says what failed around it.
func message(err error) string {
	switch e := err.(type) {
	case *model.Error:
		if e.Message != "" {
			return e.Message
		}
	case *model.FieldError:
		if e.Message != "" {
			return e.Message
		}
	}
	return err.Error()
}

// stripeShaped returns err as a *model.Error with its why and next (a
// local check's FieldError too); nil when err is no such error.
func stripeShaped(err error) *model.Error {
	e, _ := model.Explained(err)
	return e
}

// errorJSON is Stripe's error object ({"error":{...}}) plus request_id,
// which Stripe sends as a header.
type errorJSON struct {
	Error struct {
		Type        string `json:"type"`
		Code        string `json:"code,omitempty"`
		DeclineCode string `json:"decline_code,omitempty"`
		Param       string `json:"param,omitempty"`
		Message     string `json:"message,omitempty"`
		Charge      string `json:"charge,omitempty"`
		RequestID   string `json:"request_id,omitempty"`
	} `json:"error"`
}

func writeErrorJSON(w io.Writer, e *model.Error) {
	var out errorJSON
	o := &out.Error
	o.Type, o.Code, o.DeclineCode, o.Param = e.Type, e.Code, e.DeclineCode, e.Param
	o.Message, o.Charge, o.RequestID = e.Message, e.Charge, e.RequestID
	writeJSON(w, out)
}

// writeJSON prints v indented, as every --json output is.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
