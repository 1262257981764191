package cli

import (
	"cmp"
	"context"
	"errors"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

// createCmd has a subcommand per kind in the registry (model.Creator):
// its flags are the kind's inputs, and it builds a TokenRequest from a
// preset and/or them; validation is model's (and the client's), so the
// flags only collect input.
func (a *app) createCmd() *cobra.Command {
	var names []string
	for _, s := range model.Creatable() {
		names = append(names, s.Create.Command)
	}
	last := len(names) - 1
	c := group(&cobra.Command{
		Use:   "create",
		Short: "Create a test-mode token: " + strings.Join(names[:last], ", ") + " or " + names[last],
	})
	for _, s := range model.Creatable() {
		c.AddCommand(a.createKindCmd(s))
	}
	return c
}

// createFlags are the flags every create command has.
type createFlags struct {
	preset string
	dryRun bool
}

func (a *app) addCreateFlags(c *cobra.Command, f *createFlags, presets string) {
	if presets != "" {
		c.Flags().StringVar(&f.preset, "preset", "", "start from the test-data preset `NAME` ("+presets+"; see: tokenscope presets)")
	}
	c.Flags().BoolVar(&f.dryRun, "dry-run", false, "print the plan (masked) instead of creating the token")
	a.jsonFlag(c, "print the Token exactly as the API returned it")
}

// createKindCmd is `create <kind>`: a flag per input that has one,
// --preset when the kind has test data (exclusive with the flags naming
// the test data), and --allow-any-number where the kind allows it.
func (a *app) createKindCmd(spec *model.KindSpec) *cobra.Command {
	cr := spec.Create
	var f createFlags
	var allowAny bool
	values := make([]string, len(cr.Inputs))
	c := &cobra.Command{
		Use:     cr.Use,
		Short:   cr.Short,
		Example: cr.Example,
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			req, err := a.requestFromFlags(c, spec, f.preset, values)
			if err != nil {
				return err
			}
			req.AllowAnyNumber = allowAny
			return a.create(c.Context(), req, f.dryRun)
		},
	}
	fs := c.Flags()
	for i, in := range cr.Inputs {
		if in.Flag != "" {
			fs.StringVar(&values[i], in.Flag, in.Default, in.Usage)
		}
	}
	if cr.AllowAny != "" {
		fs.BoolVar(&allowAny, "allow-any-number", false, cr.AllowAny)
	}
	a.addCreateFlags(c, &f, presetHint(cr.Presets))
	if len(cr.Presets) > 0 {
		for _, in := range cr.Inputs {
			if in.Ident && in.Flag != "" {
				c.MarkFlagsMutuallyExclusive("preset", in.Flag)
			}
		}
	}
	return c
}

// presetHint names a few presets for --preset's help: "visa, visa_debit,
// mastercard, ...".
func presetHint(ps []model.Preset) string {
	var names []string
	for i, p := range ps {
		if i == 3 {
			names = append(names, "...")
			break
		}
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// requestFromFlags builds a create command's request: from --preset, with
// the flags given adjusting it (`--preset visa --exp 01/20`), or from the
// flags alone, which must then name the test data (the kind's Ident
// inputs). A sensitive flag (secrets.go) holds Stripe's published test data
// or "-", which reads its value from stdin.
func (a *app) requestFromFlags(c *cobra.Command, spec *model.KindSpec, preset string, values []string) (model.TokenRequest, error) {
	cr, fs := spec.Create, c.Flags()
	req := model.NewRequest(spec)
	ident := ""
	if preset != "" {
		var err error
		if req, err = fromPreset(c, preset, spec.Kind); err != nil {
			return req, err
		}
	} else {
		for _, in := range cr.Inputs {
			if in.Ident && in.Flag != "" {
				if !fs.Changed(in.Flag) {
					return req, usagef(c.CommandPath(), "give %s", alternatives(cr.Use))
				}
				ident = cmp.Or(ident, in.Flag)
			}
		}
	}
	for i, in := range cr.Inputs {
		if in.Flag == "" || (preset != "" && !fs.Changed(in.Flag)) {
			continue
		}
		v := values[i]
		if in.Sensitive() && fs.Changed(in.Flag) {
			var err error
			if v, err = a.sensitiveFlag(c, in, v, req); err != nil {
				return req, err
			}
		}
		if fe := in.Set(&req, v); fe != nil {
			return req, flagError(cr.Inputs[:i], req, in, v, ident, fe)
		}
	}
	return req, nil
}

// flagError is the error of a flag that could not be read. Stripe names
// the problems of a request in the order of its parameters, so an earlier
// input's own problem comes first (a bad number before a bad expiry). A
// required flag left out says which flag.
func flagError(before []model.Input, req model.TokenRequest, in model.Input, value, ident string, fe *model.FieldError) error {
	for _, b := range before {
		if b.Check != nil && b.Flag != "" {
			if e := b.Check(b.Get(req), req, time.Now()); e != nil {
				return e
			}
		}
	}
	if value == "" {
		msg := "--" + in.Flag + " is required"
		if ident != "" {
			msg += " with --" + ident
		}
		return &model.FieldError{Type: model.TypeInvalidRequest, Code: fe.Code, Param: fe.Param, Message: msg + ": " + in.Usage}
	}
	return fe
}

// alternatives reads a create command's usage as what it needs: "card
// [--preset NAME | --number N ...]" needs "--preset NAME, or --number N ...".
func alternatives(use string) string {
	_, opts, _ := strings.Cut(use, " ")
	return strings.ReplaceAll(strings.Trim(opts, "[]"), " | ", ", or ")
}

// fromPreset builds the request for a preset of the command's kind.
func fromPreset(c *cobra.Command, name string, kind model.Kind) (model.TokenRequest, error) {
	req, err := model.FromPreset(name)
	if err != nil {
		return req, err
	}
	if req.Kind != kind {
		return req, usagef(c.CommandPath(), "preset %s makes a %s token, not a %s token", name, req.Kind, kind)
	}
	return req, nil
}

// create sends req and prints the new token, or with dryRun validates it
// and prints the plan.
func (a *app) create(ctx context.Context, req model.TokenRequest, dryRun bool) error {
	if dryRun {
		if err := model.Validate(req, time.Now()); err != nil {
			return err
		}
		return a.printPlan(model.PlanCreate(string(req.Kind), req))
	}
	sess, err := a.session()
	if err != nil {
		return err
	}
	rec, err := sess.Create(ctx, req, "")
	var unrecorded *service.UnrecordedError
	if err != nil && !errors.As(err, &unrecorded) {
		return err
	}
	// A token made but not recorded is printed all the same (its id is
	// what recovers it), then the error says how it gets recorded.
	if a.json {
		err = errors.Join(views.WriteJSON(a.stdout, rec.Raw), err)
	} else {
		err = errors.Join(writeToken(a.stdout, "created", rec), err)
	}
	return err
}

// printPlan prints one change as a plan against the chosen backend.
func (a *app) printPlan(ch model.Change) error {
	svc, err := a.service()
	if err != nil {
		return err
	}
	b, err := svc.Backend()
	if err != nil {
		return err
	}
	return a.writePlan(model.Plan{Changes: []model.Change{ch}, Target: b.Label()})
}

// writePlan prints a plan as Terraform does, or with --json as its JSON
// lines: version, planned_change per change, change_summary.
func (a *app) writePlan(p model.Plan) error {
	if !a.json {
		return views.WritePlan(a.stdout, p)
	}
	j := views.NewJSONUI(a.stdout, Version)
	for _, ch := range p.Changes {
		j.PlannedChange(ch)
	}
	add, change, destroy := p.Counts()
	j.ChangeSummary(add, change, destroy, "plan")
	return j.Err()
}
