package emulator

import (
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

// The Stripe-Account header makes a request as a connected account, on
// its own objects. The emulator keeps one set of objects, the platform's,
// so it never acts as a connected account: a request with the header is
// refused, never made on the platform as if the header were not there
// (a CI test of a direct charge would pass while it wrote to the
// platform).

const accountHeader = "Stripe-Account"

// refuseConnectedAccount refuses r when it names an account in
// Stripe-Account: one the emulator does not know as Stripe refuses it
// (403, account_invalid), one it made by name, saying why.
func refuseConnectedAccount(c *call, r *http.Request) *model.Error {
	vals, ok := r.Header[http.CanonicalHeaderKey(accountHeader)]
	if !ok {
		return nil
	}
	acct := ""
	if len(vals) > 0 {
		acct = vals[0]
	}
	if _, known := c.objs.account(acct); !known {
		e := invalid("account_invalid", "", "The provided key '"+maskKey(requestKey(r))+"' does not have access to account '"+
			acct+"' (or that account does not exist). Application access may have been revoked.")
		e.HTTPStatus = http.StatusForbidden
		return e
	}
	return invalid("", "", acct+" is a connected account of this emulator, but the offline emulator does not act as "+
		"connected accounts: it keeps the platform's objects only, so a request with the Stripe-Account header is "+
		"refused rather than made on the platform. Leave the header out to act as the platform.")
}
