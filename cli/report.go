package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

// reportCmd writes the story of a token for a ticket: Markdown, or one
// JSON value with --json. The token and its uses come from the state, the
// requests from the workspace's request log kept in the state dir; the
// events are the one request it makes.
func (a *app) reportCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "report ID",
		Short: "Write a Markdown story of a token and all it touched, with curl lines that reproduce it, for a ticket",
		Long: `Write a Markdown story of a token (or of the charge or customer a use of one
made): its fields, masked; each use and what it became; every error with its
type, code, decline code and a plain explanation; the events of it all; and
every request with its id and time, and a curl line and a stripe CLI line that
send it again.

The lines read the key from $STRIPE_API_KEY (no key is written out) and send
to $STRIPE_API_BASE when it is set (tokenscope emulator's URL, say), else to
api.stripe.com. They use Stripe's published test data only: a number typed by
hand is replaced by the test card of the same brand and last 4, or the line is
left out with a note. Reading the events is the one request it makes.`,
		Example: `  tokenscope report tok_1Qx...            > ticket.md
  tokenscope report ch_3Qx... --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			story, err := sess.Story(c.Context(), args[0])
			var missing *service.NotInStateError
			if errors.As(err, &missing) {
				return notInState(missing.ID)
			} else if err != nil {
				return err
			}
			r := views.NewReport(story, time.Now())
			a.out.testCards = true
			defer func() { a.out.testCards = false }()
			if a.json {
				return views.WriteJSON(a.stdout, r)
			}
			return r.WriteMarkdown(a.stdout)
		},
	}
	a.jsonFlag(c, "print the report as one JSON value")
	return c
}

// stateExportCmd writes the workspace as a scenario file.
func (a *app) stateExportCmd() *cobra.Command {
	var out string
	c := &cobra.Command{
		Use:   "export [--out FILE]",
		Short: "Write the workspace's tokens and their uses as a scenario file (HCL) that makes them again",
		Long: `Write the workspace's tokens as a scenario file which, applied in an empty
state dir or on another machine, makes the same tokens with the same test data
and runs the same first use of each, declines included. A token typed by hand
is written as the test card with its brand and last 4; any other is named in a
comment and left out. No request is made.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			src, written, left, err := sess.Export(time.Now())
			if err != nil {
				return err
			}
			if out == "" {
				_, err = a.stdout.Write(src)
				return err
			}
			if err := sess.SaveOutput(out, src); err != nil {
				return outFileError(err)
			}
			fmt.Fprintf(a.stdout, "Exported %d %s to %s", written, views.Plural(written, "token", "tokens"), out)
			if left > 0 {
				fmt.Fprintf(a.stdout, " (%d left out: see the comments)", left)
			}
			fmt.Fprintln(a.stdout)
			return nil
		},
	}
	c.Flags().StringVar(&out, "out", "", "write to `FILE` (mode 0600) instead of stdout")
	return c
}

// outFileError points a refused dir's or link's advice at --out, which
// chose it, rather than at --state-dir, and names --out as the param of
// a path that cannot be written.
func outFileError(err error) error {
	var de *fsutil.DirError
	if errors.As(err, &de) {
		de.Instead = "choose a --out FILE in a dir of your own"
	}
	var le *fsutil.LinkError
	if errors.As(err, &le) {
		le.Instead = "choose another --out FILE"
	}
	if code := model.LocalCodeOf(err); code == model.CodeOutputPathRefused {
		return model.LocalError(code, "--out", err.Error())
	}
	return err
}
