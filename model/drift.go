package model

import (
	"fmt"
	"strconv"
	"time"

	"github.com/stripe/stripe-go/v85"
)

// Drift is one difference between a token as recorded and as the API now
// reports it, or the news that it is gone.
type Drift struct {
	ID       string
	Field    string // "used", "card.cvc_check"; empty when Gone
	From, To string // values as the API writes them; "null" for none
	Code     string // the API's error code when Gone (resource_missing)
	Gone     bool
}

// null is how a drift shows a value the API left out.
const null = "null"

// tokenField reads one field of a token for comparison, "" when absent.
type tokenField struct {
	name string
	get  func(*stripe.Token) string
}

func onCard(get func(*stripe.Card) string) func(*stripe.Token) string {
	return func(t *stripe.Token) string {
		if t.Card == nil {
			return ""
		}
		return get(t.Card)
	}
}

func onBank(get func(*stripe.BankAccount) string) func(*stripe.Token) string {
	return func(t *stripe.Token) string {
		if t.BankAccount == nil {
			return ""
		}
		return get(t.BankAccount)
	}
}

// driftFields are the parts of a card or bank account that matter to
// someone testing with it: what the card is, when it expires, how its
// checks came out, where the bank account stands.
var driftFields = []tokenField{
	{"card.brand", onCard(func(c *stripe.Card) string { return string(c.Brand) })},
	{"card.last4", onCard(func(c *stripe.Card) string { return c.Last4 })},
	{"card.funding", onCard(func(c *stripe.Card) string { return string(c.Funding) })},
	{"card.country", onCard(func(c *stripe.Card) string { return c.Country })},
	{"card.exp", onCard(func(c *stripe.Card) string { return fmt.Sprintf("%02d/%04d", c.ExpMonth, c.ExpYear) })},
	{"card.cvc_check", onCard(func(c *stripe.Card) string { return string(c.CVCCheck) })},
	{"card.address_line1_check", onCard(func(c *stripe.Card) string { return string(c.AddressLine1Check) })},
	{"card.address_zip_check", onCard(func(c *stripe.Card) string { return string(c.AddressZipCheck) })},
	{"card.fingerprint", onCard(func(c *stripe.Card) string { return c.Fingerprint })},
	{"bank_account.status", onBank(func(b *stripe.BankAccount) string { return string(b.Status) })},
	{"bank_account.bank_name", onBank(func(b *stripe.BankAccount) string { return b.BankName })},
	{"bank_account.last4", onBank(func(b *stripe.BankAccount) string { return b.Last4 })},
	{"bank_account.routing_number", onBank(func(b *stripe.BankAccount) string { return b.RoutingNumber })},
	{"bank_account.country", onBank(func(b *stripe.BankAccount) string { return b.Country })},
	{"bank_account.currency", onBank(func(b *stripe.BankAccount) string { return string(b.Currency) })},
	{"bank_account.account_holder_type", onBank(func(b *stripe.BankAccount) string { return string(b.AccountHolderType) })},
	{"bank_account.fingerprint", onBank(func(b *stripe.BankAccount) string { return b.Fingerprint })},
}

// Diff lists what changed between the recorded token and the API's newer
// view of it, top-level fields first. Fields the API left out on both
// sides are not drift.
func Diff(old, newer Record) []Drift {
	var out []Drift
	add := func(field, from, to string) {
		if from != to {
			out = append(out, Drift{ID: old.ID, Field: field, From: orNull(from), To: orNull(to)})
		}
	}
	add("used", strconv.FormatBool(old.Used), strconv.FormatBool(newer.Used))
	add("livemode", strconv.FormatBool(old.Livemode), strconv.FormatBool(newer.Livemode))
	add("type", string(old.Type), string(newer.Type))
	ot, err1 := old.Token()
	nt, err2 := newer.Token()
	if err1 != nil || err2 != nil {
		return out
	}
	for _, f := range driftFields {
		add(f.name, f.get(ot), f.get(nt))
	}
	return out
}

func orNull(s string) string {
	if s == "" {
		return null
	}
	return s
}

// GoneDrift records that the API no longer knows the token; code is its
// error code, usually resource_missing.
func GoneDrift(old Record, code string) Drift {
	return Drift{ID: old.ID, Code: code, Gone: true}
}

// RefreshReport is the outcome of re-reading tokens from the API.
type RefreshReport struct {
	Total   int
	Elapsed time.Duration
	Drifts  []Drift
	// Errors holds the tokens that could not be read (other than gone), by id.
	Errors map[string]error
}

// Counts says how many tokens changed, are gone, failed to refresh and
// stayed the same. A token with several drifted fields counts once.
func (r RefreshReport) Counts() (changed, gone, failed, unchanged int) {
	seen := map[string]bool{}
	for _, d := range r.Drifts {
		if seen[d.ID] {
			continue
		}
		seen[d.ID] = true
		if d.Gone {
			gone++
		} else {
			changed++
		}
	}
	failed = len(r.Errors)
	unchanged = max(0, r.Total-changed-gone-failed)
	return changed, gone, failed, unchanged
}
