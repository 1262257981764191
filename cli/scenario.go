package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

const scenarioArgs = `FILE is a scenario file in HCL; pack:NAME is a built-in pack (` + "`pack:brands`, `pack:declines`, `pack:banks`, `pack:3ds`, `pack:refunds`, `pack:disputes`, `pack:connect`" + `).
Each token "NAME" block is created once: the state links the file's NAME
(pack:NAME/NAME, or the file's absolute path/NAME) to the token it made, so
running it again changes nothing until you edit the block or --replace it.
After its use, a block may run steps on what the use made, in order, each
once: authenticate {} (or { fail = true }), capture { amount = N }, cancel {},
refund { amount = N } (without amount: all that remains), dispute { evidence =
"winning_evidence" } (or close = true), verify {} (micro-deposits 32, 45).
A PII token's use "id_number" { account = token.NAME } gives its id number to
the account an earlier block's use "account" made.`

// newPlanCmd shows what apply would do with a scenario, sending nothing.
func (a *app) newPlanCmd() *cobra.Command {
	var opts scenario.PlanOptions
	c := &cobra.Command{
		Use:   "plan FILE|pack:NAME",
		Short: "Show the tokens a scenario file would create and use (nothing is sent)",
		Long:  "Show the tokens a scenario file would create and use; nothing is sent.\n\n" + scenarioArgs,
		Example: `  tokenscope plan pack:declines
  tokenscope plan checkout.hcl --replace declined_insufficient
  tokenscope plan checkout.hcl --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			a.stream = a.json
			_, p, err := a.scenarioPlan(c.Context(), args[0], opts)
			if err != nil {
				return err
			}
			return a.writePlan(p.Plan)
		},
	}
	replaceFlags(c, &opts)
	a.jsonFlag(c, "print JSON lines: version, planned_change per change, change_summary")
	return c
}

// newApplyCmd creates and uses a scenario's tokens, after showing the plan
// and, on a terminal, asking for "yes".
func (a *app) newApplyCmd() *cobra.Command {
	var autoApprove bool
	var opts scenario.PlanOptions
	c := &cobra.Command{
		Use:   "apply FILE|pack:NAME",
		Short: "Create and use the tokens a scenario file describes, after confirming the plan",
		Long: "Create and use the tokens a scenario file describes, after confirming the plan.\n\n" + scenarioArgs + `

A use step that declines exactly as its test card should (the catalog's code
and decline code) is an outcome, shown in the summary; any other failure is an
error: the other tokens are kept, and the command exits 1.`,
		Example: `  tokenscope apply pack:declines
  tokenscope apply checkout.hcl --replace declined_insufficient
  tokenscope apply pack:brands --auto-approve --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			a.stream = a.json
			interactive := !autoApprove && stdinIsTerminal(a.stdin)
			switch {
			case !autoApprove && a.json:
				return usagef(c.CommandPath(), "--json needs --auto-approve: a JSON stream cannot ask for confirmation")
			case !autoApprove && !interactive:
				return usagef(c.CommandPath(), "stdin is not a terminal, so apply cannot ask for confirmation; pass --auto-approve")
			}
			f, sess, err := a.scenarioLoad(args[0])
			if err != nil {
				return err
			}
			// As Terraform, the state lock is held from the plan to the
			// end of the apply, so a second apply of the file waits and
			// then plans what is left (nothing), instead of doing it all
			// again beside this one.
			return sess.Locked(c.Context(), "apply "+args[0], func(ctx context.Context) error {
				p, err := a.planOf(ctx, sess, f, opts)
				if err != nil {
					return err
				}
				if a.json {
					return a.applyJSON(ctx, sess, p)
				}
				if err := views.WritePlan(a.stdout, p.Plan); err != nil {
					return err
				}
				if len(p.Changes) == 0 {
					fmt.Fprintln(a.stdout, "\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.")
					return nil
				}
				if interactive && !a.confirm() {
					return fmt.Errorf("apply cancelled: nothing was sent")
				}
				return a.applyText(ctx, sess, p)
			})
		},
	}
	c.Flags().BoolVar(&autoApprove, "auto-approve", false, "apply without asking (required without a terminal, and with --json)")
	replaceFlags(c, &opts)
	a.jsonFlag(c, "print JSON lines: version, planned_change, apply_start, apply_complete or apply_errored, change_summary, diagnostic")
	return c
}

// replaceFlags binds --replace NAME and --replace-all, which plan and apply
// share (as Terraform's -replace), to opts.
func replaceFlags(c *cobra.Command, opts *scenario.PlanOptions) {
	fs := c.Flags()
	fs.StringArrayVar(&opts.Replace, "replace", nil, "create token `NAME` anew although the state has it (repeatable)")
	fs.BoolVar(&opts.ReplaceAll, "replace-all", false, "create every token of the file anew")
	c.MarkFlagsMutuallyExclusive("replace", "replace-all")
}

// scenarioPlan loads arg and plans it against the session's workspace. A
// scenario with errors prints its diagnostics and exits 2 before any
// request is made.
func (a *app) scenarioPlan(ctx context.Context, arg string, opts scenario.PlanOptions) (*service.Session, *scenario.Plan, error) {
	f, sess, err := a.scenarioLoad(arg)
	if err != nil {
		return nil, nil, err
	}
	p, err := a.planOf(ctx, sess, f, opts)
	return sess, p, err
}

// scenarioLoad loads arg and the session to plan it in.
func (a *app) scenarioLoad(arg string) (*scenario.File, *service.Session, error) {
	f, diags := scenario.Load(arg)
	if diags.HasErrors() {
		a.writeDiagnostics(f, diags)
		return nil, nil, usageError{err: fmt.Errorf("%s: %d error(s) in the scenario; nothing was sent", arg, len(diags.Errs()))}
	}
	sess, err := a.session()
	if err != nil {
		return nil, nil, err
	}
	return f, sess, nil
}

// planOf plans f against the session's workspace (the state a Locked
// ctx holds); a --replace name f lacks is bad usage.
func (a *app) planOf(ctx context.Context, sess *service.Session, f *scenario.File, opts scenario.PlanOptions) (*scenario.Plan, error) {
	p, err := sess.Plan(ctx, f, opts)
	var replace *scenario.ReplaceError
	if errors.As(err, &replace) {
		return nil, usageError{err: err}
	}
	var refused *scenario.DiagnosticsError
	if errors.As(err, &refused) {
		a.writeDiagnostics(refused.File, refused.Diags)
		return nil, usageError{err: fmt.Errorf("%s: %d error(s) in the scenario; nothing was sent", refused.File.Name, len(refused.Diags.Errs()))}
	}
	return p, err
}

// writeDiagnostics prints HCL diagnostics: as text with the file's (masked)
// source on stderr, or as JSON diagnostic lines on stdout with --json.
func (a *app) writeDiagnostics(f *scenario.File, diags hcl.Diagnostics) {
	if !a.json {
		_ = f.WriteDiagnostics(a.stderr, diags, 0)
		return
	}
	j := views.NewJSONUI(a.stdout, Version)
	for _, d := range scenario.Shown(diags) {
		severity := "error"
		if d.Severity == hcl.DiagWarning {
			severity = "warning"
		}
		j.Diagnostic(severity, scenario.Located(d), d.Detail)
	}
}

// confirm asks Terraform's question and reads one line from stdin.
func (a *app) confirm() bool {
	fmt.Fprint(a.stdout, "\nDo you want to perform these actions?\n"+
		"  tokenscope will perform the actions described above.\n"+
		"  Only 'yes' will be accepted to approve.\n\n"+
		"  Enter a value: ")
	line, _ := bufio.NewReader(a.stdin).ReadString('\n')
	fmt.Fprintln(a.stdout)
	return strings.TrimSpace(line) == "yes"
}

// applyText runs the plan printing Terraform's progress lines, then the
// summary table, then each failure in full.
func (a *app) applyText(ctx context.Context, sess *service.Session, p *scenario.Plan) error {
	fmt.Fprintln(a.stdout)
	r := sess.Apply(ctx, p, func(e model.ApplyEvent) {
		fmt.Fprintln(a.stdout, views.ApplyStep(e).Text)
	})
	fmt.Fprintln(a.stdout)
	if err := views.WriteApplySummary(a.stdout, r, 0); err != nil {
		return err
	}
	return a.applyFailure(r)
}

// applyJSON runs the plan writing Terraform's machine-readable stream
// (views.JSONUI.ApplyEvent).
func (a *app) applyJSON(ctx context.Context, sess *service.Session, p *scenario.Plan) error {
	j := views.NewJSONUI(a.stdout, Version)
	for _, ch := range p.Changes {
		j.PlannedChange(ch)
	}
	r := sess.Apply(ctx, p, j.ApplyEvent)
	if len(r.Failed()) == 0 {
		add, change, destroy := r.Counts()
		j.ChangeSummary(add, change, destroy, "apply")
	}
	if err := a.applyFailure(r); err != nil {
		return err
	}
	return j.Err()
}

// applyFailure prints each failed step in full (type, code, request id,
// explanation) and returns the error the command exits 1 with.
func (a *app) applyFailure(r *model.ApplyResult) error {
	failed := r.Failed()
	if len(failed) == 0 {
		return nil
	}
	if !a.json { // the stream already carries them as diagnostics
		for _, row := range failed {
			a.printError(fmt.Errorf("token.%s: %w", row.Name, row.Err))
		}
	}
	return errors.New(views.ApplyClosing(r))
}

// stdinIsTerminal: only a person at a terminal can answer the prompt.
func stdinIsTerminal(stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
