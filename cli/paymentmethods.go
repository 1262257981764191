package cli

import (
	"github.com/spf13/cobra"
)

// attachCmd attaches a PaymentMethod to a customer.
func (a *app) attachCmd() *cobra.Command {
	var customer string
	c := &cobra.Command{
		Use:   "attach PM --customer CUS",
		Short: "Attach a PaymentMethod (pm_…, or a test one such as pm_card_visa) to a customer",
		Long: `Attach a PaymentMethod to a customer, as POST /v1/payment_methods/PM/attach.
A card token becomes a PaymentMethod with tokenscope use TOKEN --payment-method;
a test PaymentMethod (pm_card_visa, ...) attaches as a new one, as in Stripe's
test mode. A declining test card cannot be attached.`,
		Example: `  tokenscope attach pm_1Qx… --customer cus_Qx…
  tokenscope attach pm_card_visa --customer cus_Qx… --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if customer == "" {
				return usagef(c.CommandPath(), "--customer CUS is required: the customer to attach %s to", args[0])
			}
			sess, err := a.session()
			if err != nil {
				return err
			}
			pm, err := sess.Attach(c.Context(), args[0], customer)
			if err != nil {
				return err
			}
			return a.printObject(pm, "attached")
		},
	}
	c.Flags().StringVar(&customer, "customer", "", "the customer (cus_…) to attach the PaymentMethod to")
	a.jsonFlag(c, "print the PaymentMethod exactly as the API returned it")
	return c
}

// detachCmd detaches a PaymentMethod from its customer.
func (a *app) detachCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "detach PM",
		Short:   "Detach a PaymentMethod from its customer (it cannot be used again)",
		Example: `  tokenscope detach pm_1Qx…`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			pm, err := sess.Detach(c.Context(), args[0])
			if err != nil {
				return err
			}
			return a.printObject(pm, "detached")
		},
	}
	a.jsonFlag(c, "print the PaymentMethod exactly as the API returned it")
	return c
}
