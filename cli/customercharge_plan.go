package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
)

// planCustomerCharge is use cus_… --charge AMOUNT --dry-run: the real
// run's path (chargeCustomer) up to the request, printing its plan
// instead. It used to take the token path and refuse the customer as "No
// such token". The customer and its default source are read (GETs,
// nothing is written) for the source the charge would take, as the TUI's
// charge move shows it.
func (a *app) planCustomerCharge(c *cobra.Command, customer string, req model.UseRequest) error {
	in := model.CustomerCharge{Customer: customer, Amount: req.Amount, Currency: req.Currency}
	if err := model.ValidateCustomerCharge(in); err != nil {
		return err
	}
	sess, err := a.session()
	if err != nil {
		return err
	}
	cus, err := sess.Object(c.Context(), customer)
	if err != nil {
		return err
	}
	subject := model.Subject{ID: customer, F: cus.Fields()}
	// The default source: a bank account's status, a card's test data
	// (the plan says what the charge is expected to get).
	if id := subject.F.Get("default_source"); strings.HasPrefix(id, "ba_") || strings.HasPrefix(id, "card_") {
		if src, err := sess.Source(c.Context(), customer, id); err == nil {
			subject.Related = src.Fields()
		}
	}
	changes := model.PlanMove(model.MoveCharge, subject, model.MoveInput{Amount: req.Amount, Currency: req.Currency})
	return a.writePlan(model.Plan{Changes: changes, Target: sess.Backend().Label()})
}
