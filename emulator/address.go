package emulator

import (
	"strings"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// addressParams are an address's keys under prefix, as Stripe's
// address parameters name them (customer address, billing_details).
func addressParams(prefix string) []string {
	var out []string
	for _, f := range []string{"city", "country", "line1", "line2", "postal_code", "state"} {
		out = append(out, prefix+"["+f+"]")
	}
	return out
}

// readAddress reads the address under prefix; given says any of it was
// sent.
func readAddress(p params, prefix string) (a address, given bool) {
	a = address{
		City: p.get(prefix + "[city]"), Country: p.get(prefix + "[country]"),
		Line1: p.get(prefix + "[line1]"), Line2: p.get(prefix + "[line2]"),
		State: p.get(prefix + "[state]"), Zip: p.get(prefix + "[postal_code]"),
	}
	return a, p.has(prefix + "[")
}

// render is the address as Stripe's address objects show it.
func (a address) render() billingAddress {
	return billingAddress{
		City: opt(a.City), Country: opt(a.Country), Line1: opt(a.Line1), Line2: opt(a.Line2),
		PostalCode: opt(a.Zip), State: opt(a.State),
	}
}

// maxEmail is the longest email address the emulator keeps.
const maxEmail = 512

// readEmail reads an email address parameter, checked as Stripe checks
// one ("Invalid email address: a", email_invalid): one @, something
// before it, a domain with a dot after it, no spaces.
func readEmail(p params, param string) (string, *model.Error) {
	v := p.get(param)
	if v == "" {
		return "", nil
	}
	local, domain, ok := strings.Cut(v, "@")
	valid := ok && local != "" && !strings.Contains(domain, "@") && utf8.RuneCountInString(v) <= maxEmail &&
		!strings.ContainsAny(v, " \t\r\n,;<>()[]\\\"") && strings.Contains(strings.Trim(domain, "."), ".") &&
		!strings.Contains(domain, "..")
	if !valid {
		return "", invalid("email_invalid", param, "Invalid email address: "+v)
	}
	return v, nil
}
