package cli

import (
	"cmp"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// presetJSON is one catalog entry as `presets --json` prints it. The
// numbers are Stripe's public test data, so they are printed whole.
type presetJSON struct {
	Kind          model.Kind `json:"kind"`
	Name          string     `json:"name"`
	Number        string     `json:"number"`
	RoutingNumber string     `json:"routing_number,omitempty"`
	Brand         string     `json:"brand,omitempty"`
	Funding       string     `json:"funding,omitempty"`
	Country       string     `json:"country,omitempty"`
	MagicToken    string     `json:"magic_token,omitempty"`
	PaymentMethod string     `json:"payment_method,omitempty"` // Stripe's test PaymentMethod (pm_card_visa)
	Expect        string     `json:"expect"`
	Code          string     `json:"code,omitempty"`
	DeclineCode   string     `json:"decline_code,omitempty"`
}

// catalog lists every preset of every kind, in the registry's order,
// with what the test-data catalog knows of the cards and bank accounts.
func catalog() []presetJSON {
	var out []presetJSON
	for _, k := range model.Creatable() {
		for _, p := range k.Create.Presets {
			e := presetJSON{Kind: k.Kind, Name: p.Name, Expect: p.Expect}
			if c, ok := model.CardByName(p.Name); ok {
				e.Number, e.Brand, e.Funding, e.Country, e.MagicToken = c.Number, c.Brand, c.Funding, c.Country, c.MagicToken
				e.Code, e.DeclineCode = cmp.Or(c.TokenizeCode, c.Outcome.Code), c.Outcome.DeclineCode
				e.PaymentMethod = c.PaymentMethod
			} else if b, ok := model.BankByName(p.Name); ok {
				e.Number, e.RoutingNumber, e.Code = b.AccountNumber, b.RoutingNumber, b.Code
			} else if id, ok := model.IDByName(p.Name); ok {
				e.Number = id.IDNumber
			}
			out = append(out, e)
		}
	}
	return out
}

func (a *app) presetsCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "presets",
		Short: "List the built-in test data: Stripe's test cards, bank accounts and id numbers",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) (err error) {
			// The catalog is Stripe's published test data: shown whole.
			a.unmasked(func() { err = a.writePresets(catalog()) })
			return err
		},
	}
	a.jsonFlag(c, "print the catalog as a JSON array")
	return c
}

// writePresets prints the catalog, as a table or with --json as JSON.
func (a *app) writePresets(presets []presetJSON) error {
	if a.json {
		return views.WriteJSON(a.stdout, presets)
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tNAME\tNUMBER\tBRAND / FUNDING\tMAGIC TOKEN\tEXPECTED OUTCOME")
	for _, p := range presets {
		brand := views.JoinNonEmpty(p.Brand, p.Funding)
		if p.RoutingNumber != "" {
			brand = "routing " + p.RoutingNumber
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.Kind.Short(), p.Name, p.Number, brand, dash(p.MagicToken), p.Expect)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "\nUse one: tokenscope create card --preset NAME, or tokenscope get MAGIC_TOKEN.")
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
