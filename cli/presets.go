package cli

import (
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
	Expect        string     `json:"expect"`
	Code          string     `json:"code,omitempty"`
	DeclineCode   string     `json:"decline_code,omitempty"`
}

// catalog lists every preset: cards, bank accounts, id numbers.
func catalog() []presetJSON {
	var out []presetJSON
	for _, c := range model.Cards {
		code := c.Outcome.Code
		if c.TokenizeCode != "" {
			code = c.TokenizeCode
		}
		out = append(out, presetJSON{Kind: model.KindCard, Name: c.Name, Number: c.Number, Brand: c.Brand,
			Funding: c.Funding, Country: c.Country, MagicToken: c.MagicToken, Expect: c.Expect,
			Code: code, DeclineCode: c.Outcome.DeclineCode})
	}
	for _, b := range model.Banks {
		out = append(out, presetJSON{Kind: model.KindBank, Name: b.Name, Number: b.AccountNumber,
			RoutingNumber: b.RoutingNumber, Expect: b.Expect, Code: b.Code})
	}
	for _, p := range model.IDNumbers {
		out = append(out, presetJSON{Kind: model.KindPII, Name: p.Name, Number: p.IDNumber, Expect: p.Expect})
	}
	return out
}

func (a *app) presetsCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "presets",
		Short: "List the built-in test data: Stripe's test cards, bank accounts and id numbers",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			presets := catalog()
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
		},
	}
	a.jsonFlag(c, "print the catalog as a JSON array")
	return c
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
