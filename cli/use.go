package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

// useCmd consumes a token: a new customer with it as source, or a charge.
func (a *app) useCmd() *cobra.Command {
	var customer, account, dryRun bool
	var amount, currency, idNumberFor string
	var pay paymentFlags
	var later laterFlags
	c := &cobra.Command{
		Use:   "use ID (--customer | --charge AMOUNT | --authorize AMOUNT | --payment-method | --payment-intent AMOUNT | --setup-intent | --account | --id-number-for ACCT|PERSON)",
		Short: "Use a token once: a new customer, a charge, a PaymentMethod, a PaymentIntent or a Connect account",
		Long: `Use a token once: attach it to a new customer (--customer), charge it
AMOUNT in the currency's smallest unit (--charge 1000 is $10.00), make a
PaymentMethod of it (--payment-method), or make a PaymentMethod of it and
confirm a PaymentIntent of AMOUNT with it (--payment-intent 1000; with
--capture manual it waits in requires_capture, with --return-url a 3D
Secure challenge redirects there). --authorize 1000 only authorizes the
charge (capture=false): tokenscope capture or refund (a release) it later.
--setup-intent saves the card for off-session payments: a PaymentMethod, a
new customer and a SetupIntent confirmed with both. An account token makes a Connect
custom account (--account); a PII token gives an individual account its id
number (--id-number-for acct_…), or one of an account's persons, a
company's representative or an individual account's own person
(--id-number-for person_…: its account is found as get finds it). A token can be used only once; a
declined charge uses it up too.
A customer (cus_…) with --charge is charged on its default source: a
verified bank account's debit is pending until its test account number
decides it.`,
		Example: `  tokenscope use tok_1Qx… --charge 1000
  tokenscope use btok_1Qx… --customer
  tokenscope use tok_1Qx… --payment-intent 1000 --capture manual
  tokenscope use tok_1Qx… --payment-intent 1000 --return-url https://example.com/done
  tokenscope use tok_1Qx… --authorize 1000
  tokenscope use tok_1Qx… --setup-intent
  tokenscope use ct_1Qx… --account
  tokenscope use pii_1Qx… --id-number-for acct_1Qx…
  tokenscope use pii_1Qx… --id-number-for person_1Qx…`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			req := model.UseRequest{TokenID: args[0], Kind: model.UseCustomer}
			if err := pay.onlyWithIntent(c); err != nil {
				return err
			}
			switch {
			case customer:
			case account:
				req.Kind = model.UseAccount
			case idNumberFor != "":
				req.Kind = model.UseIDNumber
				req.IDNumberFor(idNumberFor)
			case pay.method:
				req.Kind = model.UsePaymentMethod
			case later.asked():
				var err error
				if req, err = later.request(c, args[0], currency, pay.retURL); err != nil {
					return err
				}
			case pay.intent != "":
				var err error
				if req, err = pay.request(c, args[0], currency); err != nil {
					return err
				}
			default:
				req.Kind, req.Currency = model.UseCharge, strings.ToLower(currency)
				n, err := chargeAmount(amount, req.Currency)
				if fe := (*model.FieldError)(nil); errors.As(err, &fe) {
					return fe
				} else if err != nil {
					return usagef(c.CommandPath(), "%v", err)
				}
				req.Amount = n
			}
			if strings.HasPrefix(args[0], "cus_") && req.Kind == model.UseCharge {
				if dryRun {
					return a.planCustomerCharge(c, args[0], req)
				}
				return a.chargeCustomer(c, args[0], req)
			}
			if dryRun {
				return a.planUse(req)
			}
			return a.use(c, req)
		},
	}
	fs := c.Flags()
	fs.BoolVar(&customer, "customer", false, "attach the token to a new customer (POST /v1/customers)")
	fs.StringVar(&amount, "charge", "", "charge AMOUNT in the smallest currency unit (POST /v1/charges)")
	fs.StringVar(&currency, "currency", "usd", "currency of the charge")
	fs.BoolVar(&account, "account", false, "make a Connect custom account from an account token (POST /v1/accounts)")
	fs.StringVar(&idNumberFor, "id-number-for", "", "give the PII token as the id number of account ACCT (POST /v1/accounts/ACCT) or of PERSON (POST /v1/accounts/ACCT/persons/PERSON)")
	fs.BoolVar(&dryRun, "dry-run", false, "print the plan instead of using the token")
	pay.add(c)
	later.add(c)
	a.jsonFlag(c, `print {"use": the outcome, "token": the Token re-read after use}`)
	c.MarkFlagsMutuallyExclusive("customer", "charge", "authorize", "payment-method", "payment-intent", "setup-intent", "account", "id-number-for")
	c.MarkFlagsOneRequired("customer", "charge", "authorize", "payment-method", "payment-intent", "setup-intent", "account", "id-number-for")
	return c
}

// chargeAmount reads --charge, a whole number in the currency's smallest
// unit. A decimal such as 1.50 is refused, not rounded or read as dollars:
// the error gives the whole number it means (150), so the user learns the
// unit instead of charging 100 times too little or too much. The number is
// echoed only as far as it can be an amount, never a card number pasted
// into the wrong flag.
func chargeAmount(s, cur string) (int64, error) {
	if strings.Trim(s, "-0123456789") == "" {
		n, fe := model.ParseAmount("amount", s)
		if fe != nil {
			return 0, fe
		}
		return n, nil
	}
	example := "1.50 usd is --charge 150"
	if n, ok := minorUnits(s, cur); ok && n <= maxEchoedAmount {
		example = fmt.Sprintf("%s %s is --charge %d", s, cur, n)
	}
	return 0, fmt.Errorf("--charge: the amount is in the currency's smallest unit (cents for usd): %s", example)
}

// maxEchoedAmount is Stripe's largest charge amount (8 digits); a longer
// number is no amount and may be a card number.
const maxEchoedAmount = 99_999_999

// minorUnits reads a plain decimal ("1.50", "1.5", "12.") in cur's major
// unit as a whole number of its smallest unit; ok is false for anything
// else, including more decimals than the currency has.
func minorUnits(s, cur string) (int64, bool) {
	whole, frac, found := strings.Cut(s, ".")
	scale := currencyScale(cur)
	if !found || whole+frac == "" || len(frac) > scale || strings.Trim(whole+frac, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(whole+frac+strings.Repeat("0", scale-len(frac)), 10, 64)
	return n, err == nil
}

// currencyScale is how many decimals cur has (2 for usd, 0 for jpy), read
// from model.FormatAmount so that the two never disagree.
func currencyScale(cur string) int {
	one, _, _ := strings.Cut(model.FormatAmount(1, cur), " ")
	if _, frac, ok := strings.Cut(one, "."); ok {
		return len(frac)
	}
	return 0
}

// planUse validates req and prints its plan, noting the expected outcome
// when the state knows which test card the token came from.
func (a *app) planUse(req model.UseRequest) error {
	if err := model.ValidateUse(req); err != nil {
		return err
	}
	var note []string
	if sess, err := a.session(); err == nil {
		if rec, ok, _ := sess.Token(req.TokenID); ok {
			if card, ok := model.CardByName(rec.Preset); ok && req.Kind == model.UsePaymentIntent {
				note = append(note, model.PaymentIntentExpect(card, req.CaptureMethod == "manual"))
			} else if ok {
				note = append(note, model.UseExpect(req, card))
			}
		}
	}
	return a.printPlan(model.PlanUse(string(req.Kind), req, note...))
}

// useJSON is what `use --json` prints.
type useJSON struct {
	Use   model.Use       `json:"use"`
	Token json.RawMessage `json:"token,omitempty"`
}

// use sends req and prints the outcome. A decline prints what happened to
// the token on stdout, then the error (with why and next) on stderr.
func (a *app) use(c *cobra.Command, req model.UseRequest) error {
	sess, err := a.session()
	if err != nil {
		return err
	}
	use, rec, err := sess.Use(c.Context(), req)
	var unrecorded *service.UnrecordedError
	switch {
	case a.json && (err == nil || errors.As(err, &unrecorded)):
		// Made but not recorded: the outcome is still the one document on
		// stdout, the error on stderr says how it gets recorded.
		if werr := views.WriteJSON(a.stdout, useJSON{Use: use, Token: rec.Raw}); werr != nil {
			return werr
		}
		return err
	case a.json && err == nil:
		return views.WriteJSON(a.stdout, useJSON{Use: use, Token: rec.Raw})
	case a.json:
		return err
	case err != nil && use.Status != "failed" && !errors.As(err, &unrecorded):
		return err
	}
	out := views.Outcome{Req: req, Use: use, After: rec, Err: err}
	if werr := out.WriteText(a.stdout); werr != nil {
		return werr
	}
	return err
}
