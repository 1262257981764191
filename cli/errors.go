package cli

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/tokenscope/tokenscope/views"
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
// "Error: <headline>" and, for any error but a usage error, every field
// that helps (views.Error: type, code, decline_code, param, charge, request
// id, why, next), tokenscope's own errors' type and code included. With --json, stdout also gets Stripe's error object, so
// stdout always holds exactly one JSON document: the object or the error.
// Commands that stream JSON lines (refresh) put their errors in the stream
// as diagnostics instead.
func (a *app) printError(err error) {
	v := views.NewError(err)
	fmt.Fprintf(a.stderr, "Error: %s\n", v.Headline())
	var u usageError
	usage := errors.As(err, &u)
	if !usage {
		// Stripe's errors and tokenscope's own alike: type, code and
		// the rest (a usage error is none: its help says more).
		tw := tabwriter.NewWriter(a.stderr, 0, 0, 2, ' ', 0)
		for _, f := range v.Fields() {
			if f.Label != "message" { // the headline
				fmt.Fprintf(tw, "  %s\t%s\n", f.Label, f.Value)
			}
		}
		tw.Flush()
		if v.Stripe != nil && v.Stripe.Local {
			fmt.Fprintln(a.stderr, "  (refused locally: nothing was sent)")
		}
	}
	if usage && u.cmd != "" {
		fmt.Fprintf(a.stderr, "Run '%s --help' for usage.\n", u.cmd)
	}
	// A usage error prints nothing on stdout (README): the command never
	// ran, and there is no object or refusal for a script to read.
	if a.json && !a.stream && !a.out.wrote && !usage {
		_ = v.WriteJSON(a.stdout)
	}
}
