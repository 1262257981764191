package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
)

// laterFlags are use's flags for the uses that leave a step for later:
// an authorization (captured or released later) and a card saved with a
// SetupIntent (charged later, off session).
type laterFlags struct {
	authorize string
	setup     bool
}

func (l *laterFlags) add(c *cobra.Command) {
	fs := c.Flags()
	fs.StringVar(&l.authorize, "authorize", "", "authorize AMOUNT on the card, not captured (POST /v1/charges capture=false): capture or release it later")
	fs.BoolVar(&l.setup, "setup-intent", false, "save the card for off-session payments: a PaymentMethod, a new customer, a SetupIntent confirmed with both")
}

// asked reports whether one of the flags was given.
func (l *laterFlags) asked() bool { return l.authorize != "" || l.setup }

// request is the use the flags ask for; retURL is --return-url, which a
// SetupIntent takes as a PaymentIntent does.
func (l *laterFlags) request(c *cobra.Command, tokenID, currency, retURL string) (model.UseRequest, error) {
	if l.setup {
		return model.UseRequest{TokenID: tokenID, Kind: model.UseSetupIntent, ReturnURL: retURL}, nil
	}
	req := model.UseRequest{TokenID: tokenID, Kind: model.UseAuthorize, Currency: strings.ToLower(currency)}
	n, err := chargeAmount(l.authorize, req.Currency)
	if fe := (*model.FieldError)(nil); errors.As(err, &fe) {
		return req, fe
	} else if err != nil {
		return req, usagef(c.CommandPath(), "%v", strings.ReplaceAll(err.Error(), "--charge", "--authorize"))
	}
	req.Amount = n
	return req, nil
}
