package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// fields prints name/value lines aligned, skipping empty values, so each
// printer lists what it knows without checking every field.
type fields struct {
	tw *tabwriter.Writer
}

func newFields(w io.Writer) fields {
	return fields{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
}

func (f fields) add(name, value string) {
	if value != "" {
		fmt.Fprintf(f.tw, "  %s\t%s\n", name, value)
	}
}

func (f fields) flush() error { return f.tw.Flush() }

// usedWord is the used status in words, never colour alone.
func usedWord(used bool) string {
	if used {
		return "● used"
	}
	return "○ unused"
}

// headline is the first line of a token's description:
// "created tok_1Qx…  card  Visa •••• 4242  (○ unused)".
func headline(verb string, r model.Record) string {
	return fmt.Sprintf("%s %s  %s  %s  (%s)", verb, r.ID, r.Type.Short(), r.Summary, usedWord(r.Used))
}

// writeToken describes a token: the headline, then its fields as the API
// returned them (masked: Stripe's Token carries only last4), then the
// local facts (preset, uses, request id).
func writeToken(w io.Writer, verb string, r model.Record) error {
	fmt.Fprintln(w, headline(verb, r))
	f := newFields(w)
	t, err := r.Token()
	if err != nil {
		return fmt.Errorf("decode %s: %w", r.ID, err)
	}
	if r.Used {
		f.add("used", "true: it has been used and cannot be used again")
	} else {
		f.add("used", "false: it can be used once")
	}
	f.add("type", string(t.Type))
	f.add("livemode", fmt.Sprintf("%t (test mode)", t.Livemode))
	if t.Created != 0 {
		f.add("created", time.Unix(t.Created, 0).UTC().Format("2006-01-02 15:04:05 UTC"))
	}
	f.add("client_ip", t.ClientIP)
	if t.Card != nil {
		cardFields(f, t.Card)
	}
	if t.BankAccount != nil {
		bankFields(f, t.BankAccount)
	}
	presetFields(f, r)
	useFields(f, r)
	if r.Gone {
		f.add("gone", "the API no longer knows this token (resource_missing)")
	}
	f.add("request id", r.RequestID)
	return f.flush()
}

func cardFields(f fields, c *stripe.Card) {
	f.add("card.id", c.ID)
	f.add("card.brand", withDetail(string(c.Brand), string(c.Funding), c.Country))
	f.add("card.number", model.MaskLast4(c.Last4, string(c.Brand)))
	if c.ExpMonth != 0 {
		f.add("card.exp", fmt.Sprintf("%02d/%d", c.ExpMonth, c.ExpYear))
	}
	f.add("card.name", c.Name)
	f.add("card.cvc_check", string(c.CVCCheck))
	f.add("card.address_zip_check", string(c.AddressZipCheck))
	f.add("card.address_line1_check", string(c.AddressLine1Check))
	f.add("card.fingerprint", c.Fingerprint)
}

func bankFields(f fields, b *stripe.BankAccount) {
	f.add("bank.id", b.ID)
	f.add("bank.bank_name", b.BankName)
	f.add("bank.routing_number", b.RoutingNumber)
	f.add("bank.account", "•••• "+b.Last4)
	f.add("bank.country", withDetail(b.Country, string(b.Currency)))
	f.add("bank.holder", withDetail(b.AccountHolderName, string(b.AccountHolderType)))
	f.add("bank.status", string(b.Status))
	f.add("bank.fingerprint", b.Fingerprint)
}

// presetFields says what the test data simulates, from the preset the
// token was made from, or the magic token it is.
func presetFields(f fields, r model.Record) {
	name := r.Preset
	if c, ok := model.MagicTokens[r.ID]; ok && name == "" {
		name = c.Name
	}
	if c, ok := model.CardByName(name); ok {
		f.add("test card", c.Name+": "+c.Expect)
	} else if b, ok := model.BankByName(name); ok {
		f.add("test bank", b.Name+": "+b.Expect)
	} else if p, ok := model.IDByName(name); ok {
		f.add("test id", p.Name+": "+p.Expect)
	}
	f.add("scenario", r.Scenario)
}

// useFields names the use that consumed the token, then the attempts
// after it, as the TUI's detail does (model.Record.ConsumedBy): the last
// attempt is often a token_already_used refusal, not what used the token.
// An unused token's attempts were all refused; each is listed as tried.
func useFields(f fields, r model.Record) {
	if !r.Used {
		for _, u := range r.Uses {
			f.add("tried", attempt(u))
		}
		return
	}
	first, later, found := r.ConsumedBy()
	switch {
	case found:
		f.add("used by", useValue(first))
	case len(later) > 0:
		f.add("used by", "a use tokenscope did not record, before these")
	}
	for _, u := range later {
		f.add("then", attempt(u))
	}
}

// useValue is a use in a line: "ch_3Qx… (declined: card_declined /
// insufficient_funds) at 2026-11-28 14:02 UTC".
func useValue(u model.Use) string {
	return joinNonEmpty(u.ObjectID, "("+useOutcome(u)+")", useAt(u))
}

// attempt is a refusal that made nothing by its bare code
// ("token_already_used at …"), anything else as useValue.
func attempt(u model.Use) string {
	if u.Status == "failed" && u.ObjectID == "" && u.DeclineCode == "" && u.Code != "" {
		return joinNonEmpty(u.Code, useAt(u))
	}
	return useValue(u)
}

// useOutcome: "declined: card_declined / insufficient_funds", "failed:
// code", "charge succeeded 1000 usd", "customer attached".
func useOutcome(u model.Use) string {
	switch {
	case u.Status == "failed" && u.DeclineCode != "":
		return "declined: " + useCodes(u)
	case u.Status == "failed":
		return "failed: " + useCodes(u)
	case u.Amount != 0:
		return joinNonEmpty(string(u.Kind), u.Status, fmt.Sprint(u.Amount), u.Currency)
	}
	return joinNonEmpty(string(u.Kind), u.Status)
}

// useCodes is the error code, with the decline code when it says more.
func useCodes(u model.Use) string {
	if u.DeclineCode != "" && u.DeclineCode != u.Code {
		return joinNonEmpty(u.Code, "/", u.DeclineCode)
	}
	return u.Code
}

// useAt is when a use was made, with its date: a description is often
// read long after, in a log.
func useAt(u model.Use) string {
	if u.At.IsZero() {
		return ""
	}
	return "at " + u.At.UTC().Format("2006-01-02 15:04 UTC")
}

// joinNonEmpty joins the parts that say something with spaces.
func joinNonEmpty(parts ...string) string {
	return strings.Join(nonEmpty(parts), " ")
}

// withDetail is "main (detail, detail)", leaving out what is empty:
// "Visa (credit, US)".
func withDetail(main string, details ...string) string {
	d := strings.Join(nonEmpty(details), ", ")
	if d == "" {
		return main
	}
	return joinNonEmpty(main, "("+d+")")
}

func nonEmpty(parts []string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
