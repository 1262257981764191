package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// paymentFlags are use's PaymentMethod and PaymentIntent flags.
type paymentFlags struct {
	method                  bool
	intent, capture, retURL string
}

func (p *paymentFlags) add(c *cobra.Command) {
	fs := c.Flags()
	fs.BoolVar(&p.method, "payment-method", false, "make a PaymentMethod of the card token (POST /v1/payment_methods card[token])")
	fs.StringVar(&p.intent, "payment-intent", "", "make a PaymentMethod of the card token and confirm a PaymentIntent of AMOUNT with it")
	fs.StringVar(&p.capture, "capture", "", "the PaymentIntent's capture method: automatic (default) or manual")
	fs.StringVar(&p.retURL, "return-url", "", "where a 3D Secure challenge sends the customer back (next_action redirect_to_url)")
}

// onlyWithIntent refuses --capture and --return-url without
// --payment-intent: a charge is captured at once and has no 3D Secure
// page, so the flags would be ignored without a word.
func (p *paymentFlags) onlyWithIntent(c *cobra.Command) error {
	if p.intent != "" {
		return nil
	}
	for _, name := range []string{"capture", "return-url"} {
		if name == "return-url" && c.Flags().Changed("setup-intent") {
			continue // a SetupIntent's 3D Secure page returns there too
		}
		if c.Flags().Changed(name) {
			return usagef(c.CommandPath(), "--%s goes with --payment-intent only: a charge is captured at once, and has no 3D Secure page to return from", name)
		}
	}
	return nil
}

// request is the PaymentIntent use the flags ask for.
func (p *paymentFlags) request(c *cobra.Command, tokenID, currency string) (model.UseRequest, error) {
	req := model.UseRequest{TokenID: tokenID, Kind: model.UsePaymentIntent, Currency: strings.ToLower(currency),
		CaptureMethod: p.capture, ReturnURL: p.retURL}
	n, err := chargeAmount(p.intent, req.Currency)
	if fe := (*model.FieldError)(nil); errors.As(err, &fe) {
		return req, fe
	} else if err != nil {
		return req, usagef(c.CommandPath(), "%v", strings.ReplaceAll(err.Error(), "--charge", "--payment-intent"))
	}
	req.Amount = n
	return req, nil
}

// authenticateCmd completes or fails a PaymentIntent's 3D Secure
// challenge, as the test page's buttons do.
func (a *app) authenticateCmd() *cobra.Command {
	var fail bool
	c := &cobra.Command{
		Use:   "authenticate PI|SETI [--fail]",
		Short: "Complete (or fail) a PaymentIntent's or SetupIntent's 3D Secure challenge; against Stripe, print the page to open",
		Long: `Complete a PaymentIntent's (or a SetupIntent's: seti_…, the card then is
saved, or back in requires_payment_method failed) 3D Secure challenge (status requires_action), or fail
it with --fail, as the buttons of Stripe's test page do. Offline (and against
tokenscope emulator) tokenscope answers the emulator's page itself: completed,
the payment runs (succeeded, requires_capture, or the card's decline); failed,
the PaymentIntent returns to requires_payment_method. Against Stripe the page
is for a browser: tokenscope prints its URL.`,
		Example: `  tokenscope authenticate pi_3Qx…
  tokenscope authenticate pi_3Qx… --fail --json
  tokenscope authenticate seti_1Qx…`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			ch, err := sess.Authenticate(c.Context(), args[0], fail)
			if err != nil {
				return err
			}
			if !ch.Answered {
				return a.openChallenge(ch)
			}
			if fail {
				return a.printObject(ch.PaymentIntent, "failed authentication of")
			}
			// Authenticated, the card may still decline: the PaymentIntent
			// is back in requires_payment_method with the decline in
			// last_payment_error. That is a decline as use's are: its
			// error, exit 1.
			decline := model.DeclinedAfterAuthentication(ch.PaymentIntent)
			if decline == nil {
				return a.printObject(ch.PaymentIntent, "authenticated")
			}
			if err := a.printObject(ch.PaymentIntent, "authenticated, then declined:"); err != nil {
				return err
			}
			return decline
		},
	}
	c.Flags().BoolVar(&fail, "fail", false, "fail the challenge, as the page's Fail button does")
	a.jsonFlag(c, "print the PaymentIntent (or SetupIntent) exactly as the API returned it")
	return c
}

// openChallenge says where to answer a challenge tokenscope cannot: the
// page's URL, for a browser. With --json the PaymentIntent is printed.
func (a *app) openChallenge(ch model.Challenge) error {
	if a.json {
		return views.WriteJSON(a.stdout, ch.PaymentIntent.Raw)
	}
	if ch.URL == "" {
		fmt.Fprintf(a.stdout, "%s waits for 3D Secure, but names no page to open: confirm it again with a return_url, then open next_action.redirect_to_url.url\n", views.Clean(ch.PaymentIntent.ID))
		return nil
	}
	fmt.Fprintf(a.stdout, "%s waits for 3D Secure: open this page in a browser and press Complete or Fail:\n  %s\n", views.Clean(ch.PaymentIntent.ID), views.Clean(ch.URL))
	return nil
}

// captureCmd captures a PaymentIntent in requires_capture.
func (a *app) captureCmd() *cobra.Command {
	var amount string
	c := &cobra.Command{
		Use:   "capture PI|CH [--amount N]",
		Short: "Capture a PaymentIntent that waits in requires_capture, or an uncaptured charge, in full or --amount of it",
		Example: `  tokenscope capture pi_3Qx…
  tokenscope capture pi_3Qx… --amount 500
  tokenscope capture ch_3Qx… --amount 500`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			var n int64
			if amount != "" {
				var fe *model.FieldError
				if n, fe = model.ParseAmount("amount_to_capture", amount); fe != nil {
					return fe
				}
			}
			sess, err := a.session()
			if err != nil {
				return err
			}
			pi, err := sess.Capture(c.Context(), args[0], n)
			if err != nil {
				return err
			}
			return a.printObject(pi, "captured")
		},
	}
	c.Flags().StringVar(&amount, "amount", "", "capture only N, in the currency's smallest unit (amount_to_capture, a charge's amount); the rest is released")
	a.jsonFlag(c, "print the PaymentIntent (or charge) exactly as the API returned it")
	return c
}

// cancelCmd cancels a PaymentIntent.
func (a *app) cancelCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "cancel PI",
		Short:   "Cancel a PaymentIntent (one not yet succeeded or canceled)",
		Example: `  tokenscope cancel pi_3Qx…`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			pi, err := sess.Cancel(c.Context(), args[0])
			if err != nil {
				return err
			}
			return a.printObject(pi, "canceled")
		},
	}
	a.jsonFlag(c, "print the PaymentIntent exactly as the API returned it")
	return c
}

// printObject prints an object: as the API returned it with --json, else
// its description led by verb.
func (a *app) printObject(o model.Object, verb string) error {
	if a.json {
		return views.WriteJSON(a.stdout, o.Raw)
	}
	return views.NewObject(o).WriteText(a.stdout, verb)
}
