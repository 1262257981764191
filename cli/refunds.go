package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// refundCmd refunds a charge or a PaymentIntent, in full or in part.
func (a *app) refundCmd() *cobra.Command {
	var amount string
	c := &cobra.Command{
		Use:   "refund CH|PI [--amount N]",
		Short: "Refund a charge or a PaymentIntent, all that remains or --amount",
		Long: `Refund a charge (ch_…, py_… for a bank debit) or a PaymentIntent (pi_…: its
latest charge). Without --amount all that remains is refunded; --amount is in
the currency's smallest unit (--amount 500 is $5.00). The charge's
amount_refunded and refunded follow; refunding more than remains is refused
(amount_too_large), as is a charge already refunded (charge_already_refunded).`,
		Example: `  tokenscope refund ch_3Qx… --amount 500
  tokenscope refund pi_3Qx…`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			var n int64
			if c.Flags().Changed("amount") {
				var fe *model.FieldError
				if n, fe = model.ParseAmount("amount", amount); fe != nil {
					return fe
				}
			}
			sess, err := a.session()
			if err != nil {
				return err
			}
			re, err := sess.Refund(c.Context(), model.RefundRequest{Of: args[0], Amount: n})
			if err != nil {
				return err
			}
			if a.json {
				return views.WriteJSON(a.stdout, re.Raw)
			}
			return views.Refunded{Of: args[0], Refund: re}.WriteText(a.stdout)
		},
	}
	c.Flags().StringVar(&amount, "amount", "", "refund this much, in the currency's smallest unit (default: all that remains)")
	a.jsonFlag(c, "print the Refund exactly as the API returned it")
	return c
}

// chargeCustomer is use cus_… --charge AMOUNT: a charge of the
// customer's default source, a verified bank account's debit too. It is
// not a token's use, so the state records nothing.
func (a *app) chargeCustomer(c *cobra.Command, customer string, req model.UseRequest) error {
	sess, err := a.session()
	if err != nil {
		return err
	}
	ch, err := sess.ChargeCustomer(c.Context(), model.CustomerCharge{Customer: customer, Amount: req.Amount, Currency: req.Currency})
	if err != nil {
		return err
	}
	if a.json {
		return views.WriteJSON(a.stdout, ch.Raw)
	}
	return views.Charged{Customer: customer, Charge: ch}.WriteText(a.stdout)
}

// verifyCmd verifies a customer's bank account with its micro-deposits.
func (a *app) verifyCmd() *cobra.Command {
	var amounts string
	c := &cobra.Command{
		Use:   "verify CUS BA [--amounts 32,45]",
		Short: "Verify a customer's bank account with its two micro-deposit amounts",
		Long: `Verify a customer's bank account (ba_…, made by using a bank token with
--customer) with the two micro-deposits Stripe sent it, in cents. In test mode
they are always 32 and 45, the default, as a scenario's verify {} step has;
other amounts fail (bank_account_verification_failed). A verified account can be debited; its test account number then decides the
debit, which stays pending before it succeeds or fails.`,
		Example: "  tokenscope verify cus_Qx… ba_1Qx…\n  tokenscope verify cus_Qx… ba_1Qx… --amounts 32,46   # fails: bank_account_verification_failed",
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			pair, err := readAmounts(amounts)
			if err != nil {
				return usagef(c.CommandPath(), "%v", err)
			}
			sess, err := a.session()
			if err != nil {
				return err
			}
			ba, err := sess.Verify(c.Context(), model.VerifyRequest{Customer: args[0], Bank: args[1], Amounts: pair})
			if err != nil {
				return err
			}
			if a.json {
				return views.WriteJSON(a.stdout, ba.Raw)
			}
			return views.Verified{Customer: args[0], Bank: ba}.WriteText(a.stdout)
		},
	}
	c.Flags().StringVar(&amounts, "amounts", fmt.Sprintf("%d,%d", model.TestDeposits[0], model.TestDeposits[1]), "the two micro-deposits in cents, comma-separated (test mode sends 32 and 45)")
	a.jsonFlag(c, "print the bank account exactly as the API returned it")
	return c
}

// readAmounts reads --amounts: two whole numbers of cents.
func readAmounts(s string) ([2]int64, error) {
	var out [2]int64
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		return out, errAmounts
	}
	for i, p := range parts {
		n, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
		if err != nil {
			return out, errAmounts
		}
		out[i] = n
	}
	return out, nil
}

var errAmounts = errors.New("--amounts: two amounts in cents, comma-separated, as 32,45")
