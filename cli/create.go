package cli

import (
	"context"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// createCmd groups the four kinds of token. Each builds a TokenRequest
// from a preset and/or flags; validation is model's (and the client's),
// so the flags only collect input.
func (a *app) createCmd() *cobra.Command {
	c := group(&cobra.Command{
		Use:   "create",
		Short: "Create a test-mode token: card, bank, pii or account",
	})
	c.AddCommand(a.createCardCmd(), a.createBankCmd(), a.createPIICmd(), a.createAccountCmd())
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

// setIf overwrites *dst with the flag's value when the flag was given, so a
// preset can be adjusted (`--preset visa --exp 01/20`).
func setIf(fs *pflag.FlagSet, name string, dst *string, value string) {
	if fs.Changed(name) {
		*dst = value
	}
}

func (a *app) createCardCmd() *cobra.Command {
	var f createFlags
	var number, exp, cvc, name, zip string
	var allowAny bool
	c := &cobra.Command{
		Use:   "card [--preset NAME | --number N --exp MM/YY --cvc CVC]",
		Short: "Create a card token (test card numbers only, unless --allow-any-number)",
		Example: `  tokenscope create card --preset visa
  tokenscope create card --preset insufficient_funds --json
  tokenscope create card --number 4242424242424242 --exp 12/34 --cvc 123`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			var req model.TokenRequest
			switch {
			case f.preset != "":
				var err error
				if req, err = fromPreset(c, f.preset, model.KindCard); err != nil {
					return err
				}
			case number != "":
				req = model.TokenRequest{Kind: model.KindCard, Card: &model.CardInput{Number: number}}
			default:
				return usagef(c.CommandPath(), "give --preset NAME, or --number N --exp MM/YY [--cvc CVC]")
			}
			card := req.Card
			var expErr *model.FieldError
			switch {
			case exp != "":
				card.ExpMonth, card.ExpYear, expErr = model.ParseExpiry(exp)
			case f.preset == "":
				expErr = expRequired()
			}
			if expErr != nil {
				// Stripe names the number's problem first.
				if nfe := model.ValidateNumber(card.Number, allowAny); nfe != nil {
					return nfe
				}
				return expErr
			}
			fs := c.Flags()
			setIf(fs, "cvc", &card.CVC, cvc)
			setIf(fs, "name", &card.Name, name)
			setIf(fs, "zip", &card.Zip, zip)
			req.AllowAnyNumber = allowAny
			return a.create(c.Context(), req, f.dryRun)
		},
	}
	fs := c.Flags()
	fs.StringVar(&number, "number", "", "card number: one of Stripe's public test cards")
	fs.StringVar(&exp, "exp", "", "expiry, MM/YY or MM/YYYY")
	fs.StringVar(&cvc, "cvc", "", "CVC (3 digits, 4 for American Express)")
	fs.StringVar(&name, "name", "", "cardholder name")
	fs.StringVar(&zip, "zip", "", "billing postal code")
	fs.BoolVar(&allowAny, "allow-any-number", false, "let a number outside Stripe's test cards through the local check")
	a.addCreateFlags(c, &f, "visa, mastercard, insufficient_funds, ...")
	c.MarkFlagsMutuallyExclusive("preset", "number")
	return c
}

// expRequired is --number without --exp: model.Validate's parameter_missing
// on exp_month, in the words of the command line.
func expRequired() *model.FieldError {
	return &model.FieldError{Type: model.TypeInvalidRequest, Code: "parameter_missing", Param: model.ParamExpMonth,
		Message: "--exp is required with --number: the expiry as MM/YY, e.g. 12/34"}
}

func (a *app) createBankCmd() *cobra.Command {
	var f createFlags
	var in model.BankInput
	c := &cobra.Command{
		Use:   "bank [--preset NAME | --routing R --account A]",
		Short: "Create a bank account token",
		Example: `  tokenscope create bank --preset bank_ok
  tokenscope create bank --routing 110000000 --account 000123456789 --holder "Jenny Rosen"`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			bank := in
			req := model.TokenRequest{Kind: model.KindBank, Bank: &bank}
			switch {
			case f.preset != "":
				var err error
				if req, err = fromPreset(c, f.preset, model.KindBank); err != nil {
					return err
				}
				b, fs := req.Bank, c.Flags()
				setIf(fs, "country", &b.Country, in.Country)
				setIf(fs, "currency", &b.Currency, in.Currency)
				setIf(fs, "holder", &b.HolderName, in.HolderName)
				setIf(fs, "holder-type", &b.HolderType, in.HolderType)
			case in.RoutingNumber == "" || in.AccountNumber == "":
				return usagef(c.CommandPath(), "give --preset NAME, or --routing R --account A")
			}
			return a.create(c.Context(), req, f.dryRun)
		},
	}
	fs := c.Flags()
	fs.StringVar(&in.RoutingNumber, "routing", "", "routing number (Stripe's test bank: "+model.TestRouting+")")
	fs.StringVar(&in.AccountNumber, "account", "", "account number (test accounts: tokenscope presets)")
	fs.StringVar(&in.Country, "country", "US", "country, ISO 3166-1 alpha-2")
	fs.StringVar(&in.Currency, "currency", "usd", "currency, ISO 4217")
	fs.StringVar(&in.HolderName, "holder", "", "account holder name")
	fs.StringVar(&in.HolderType, "holder-type", "", "individual or company")
	a.addCreateFlags(c, &f, "bank_ok, bank_account_closed, ...")
	c.MarkFlagsMutuallyExclusive("preset", "routing")
	c.MarkFlagsMutuallyExclusive("preset", "account")
	return c
}

func (a *app) createPIICmd() *cobra.Command {
	var f createFlags
	var idNumber string
	c := &cobra.Command{
		Use:     "pii [--preset NAME | --id-number N]",
		Short:   "Create a PII (id number) token",
		Example: `  tokenscope create pii --preset id_match`,
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			req := model.TokenRequest{Kind: model.KindPII, PII: &model.PIIInput{IDNumber: idNumber}}
			switch {
			case f.preset != "":
				var err error
				if req, err = fromPreset(c, f.preset, model.KindPII); err != nil {
					return err
				}
			case idNumber == "":
				return usagef(c.CommandPath(), "give --preset NAME or --id-number N")
			}
			return a.create(c.Context(), req, f.dryRun)
		},
	}
	c.Flags().StringVar(&idNumber, "id-number", "", "id number (test: 000000000 matches, 111111111 does not)")
	a.addCreateFlags(c, &f, "id_match, id_mismatch, id_match_immediately")
	c.MarkFlagsMutuallyExclusive("preset", "id-number")
	return c
}

func (a *app) createAccountCmd() *cobra.Command {
	var f createFlags
	var in model.AccountInput
	c := &cobra.Command{
		Use:     "account --business-type individual|company",
		Short:   "Create an account token (Connect)",
		Example: `  tokenscope create account --business-type individual --first-name Jenny --last-name Rosen`,
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			acct := in
			return a.create(c.Context(), model.TokenRequest{Kind: model.KindAccount, Account: &acct}, f.dryRun)
		},
	}
	fs := c.Flags()
	fs.StringVar(&in.BusinessType, "business-type", "", "individual or company")
	fs.StringVar(&in.FirstName, "first-name", "", "individual's first name")
	fs.StringVar(&in.LastName, "last-name", "", "individual's last name")
	a.addCreateFlags(c, &f, "")
	return c
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
	if err != nil {
		return err
	}
	if a.json {
		return views.WriteJSON(a.stdout, rec.Raw)
	}
	return writeToken(a.stdout, "created", rec)
}

// printPlan prints one change as a plan against the chosen backend.
func (a *app) printPlan(ch model.Change) error {
	api, err := a.api()
	if err != nil {
		return err
	}
	return a.writePlan(model.Plan{Changes: []model.Change{ch}, Target: api.Backend().Label()})
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
