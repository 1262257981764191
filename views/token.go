package views

import (
	"fmt"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// Token is what tokenscope shows of one token, in the CLI (get, create,
// state show) and in the TUI's detail pane alike: whether it can still be
// used and what used it, then every field of it a person asks about, in
// one order, then when it was last read. Values are cleaned of control
// characters: they come from the API.
type Token struct {
	ID      string
	Type    model.Kind
	Summary string
	Status  Status
	// Used is whether the API said it was used, gone or not.
	Used    bool
	Created time.Time
	// Consumed is the use that consumed the token (model.Record.ConsumedBy);
	// nil when it is unused, or used before any use recorded here
	// (UsedElsewhere).
	Consumed      *model.Use
	UsedElsewhere bool
	// Attempts are the uses tried after Consumed, or every attempt on a
	// token still unused: refused, but worth seeing.
	Attempts []model.Use
	Fields   []Field
	// DecodeErr is why the stored token could not be read; Fields then
	// holds only what the state records outside it.
	DecodeErr error
	FetchedAt time.Time
	RequestID string
}

// Status answers "can I still use this token?".
type Status int

// A token is unused, used, or gone from the API.
const (
	StatusUnused Status = iota
	StatusUsed
	StatusGone
)

// Field is one fact of a token. Path names it in the CLI's flat list, as
// the API names it ("card.address_zip_check"); Label names it in the TUI's
// pane under its Group's heading ("zip_check" under "card"), where columns
// are narrow.
type Field struct {
	Group string // "", "card" or "bank_account"
	Path  string
	Label string
	Value string
}

// NewToken describes r. tok is r's stored API object as decoded (r.Token),
// decodeErr why it could not be.
func NewToken(r *model.Record, tok *stripe.Token, decodeErr error) Token {
	t := Token{ID: Clean(r.ID), Type: r.Type, Summary: Clean(r.Summary), DecodeErr: decodeErr,
		FetchedAt: r.FetchedAt, RequestID: Clean(r.RequestID), Used: r.Used}
	switch {
	case r.Gone:
		t.Status = StatusGone
	case r.Used:
		t.Status = StatusUsed
	}
	if r.Used {
		first, later, found := r.ConsumedBy()
		if found {
			t.Consumed = &first
		}
		t.UsedElsewhere = !found && len(later) > 0
		t.Attempts = later
	} else {
		t.Attempts = r.Uses
	}
	f := fields{}
	f.add("", "type", "type", string(r.Type))
	f.add("", "livemode", "livemode", fmt.Sprintf("%t (test mode)", r.Livemode))
	if r.Created > 0 {
		t.Created = time.Unix(r.Created, 0).UTC()
		f.add("", "created", "created", t.Created.Format("2006-01-02 15:04:05 UTC"))
	}
	if tok != nil {
		f.add("", "client_ip", "client_ip", tok.ClientIP)
		if tok.Card != nil {
			cardFields(f.group("card"), tok.Card)
		}
		if tok.BankAccount != nil {
			bankFields(f.group("bank_account"), tok.BankAccount)
		}
	}
	testDataFields(&f, r, tok)
	f.add("", "scenario", "scenario", r.Scenario)
	t.Fields = f.list
	return t
}

// fields collects a token's fields in order, leaving out empty values.
type fields struct{ list []Field }

func (f *fields) add(group, path, label, value string) {
	if value != "" {
		f.list = append(f.list, Field{Group: group, Path: path, Label: label, Value: Clean(value)})
	}
}

// group adds fields under a heading, their path prefixed with it.
func (f *fields) group(name string) func(api, label, value string) {
	return func(api, label, value string) { f.add(name, name+"."+api, label, value) }
}

func cardFields(add func(api, label, value string), c *stripe.Card) {
	add("id", "id", c.ID)
	add("brand", "brand", withDetail(string(c.Brand), string(c.Funding), c.Country))
	add("number", "number", model.MaskLast4(c.Last4, string(c.Brand)))
	if c.ExpMonth > 0 {
		add("exp", "expires", fmt.Sprintf("%02d/%d", c.ExpMonth, c.ExpYear))
	}
	add("cvc_check", "cvc_check", orUnchecked(string(c.CVCCheck)))
	add("address_line1_check", "line1_check", string(c.AddressLine1Check))
	add("address_zip_check", "zip_check", string(c.AddressZipCheck))
	add("fingerprint", "fingerprint", c.Fingerprint)
	add("name", "name", c.Name)
}

func bankFields(add func(api, label, value string), b *stripe.BankAccount) {
	add("id", "id", b.ID)
	add("bank_name", "bank_name", b.BankName)
	if b.Last4 != "" {
		add("last4", "last4", "•••• "+b.Last4)
	}
	add("routing_number", "routing", b.RoutingNumber)
	add("country", "country", b.Country)
	add("currency", "currency", string(b.Currency))
	add("account_holder", "holder", withDetail(b.AccountHolderName, string(b.AccountHolderType)))
	add("status", "status", string(b.Status))
	add("fingerprint", "fingerprint", b.Fingerprint)
}

// testDataFields say what the test data simulates, from the preset the
// token was made from or the magic token it is: under the card or the
// bank account it describes, at the top for an id number. Brand and last4
// alone do not name a test card (4242 ends Visa's and others' numbers).
func testDataFields(f *fields, r *model.Record, tok *stripe.Token) {
	name := r.Preset
	if c, ok := model.MagicTokens[r.ID]; ok && name == "" {
		name = c.Name
	}
	if c, ok := model.CardByName(name); ok {
		f.add(groupIf(tok != nil && tok.Card != nil, "card"), "test card", "test card", c.Name+": "+c.Expect)
	} else if b, ok := model.BankByName(name); ok {
		f.add(groupIf(tok != nil && tok.BankAccount != nil, "bank_account"), "test bank", "test bank", b.Name+": "+b.Expect)
	} else if p, ok := model.IDByName(name); ok {
		f.add("", "test id", "test id", p.Name+": "+p.Expect)
	}
}

func groupIf(ok bool, group string) string {
	if ok {
		return group
	}
	return ""
}

// orUnchecked is a check the API has not run: Stripe's own word for it.
func orUnchecked(s string) string {
	if s == "" {
		return "unchecked"
	}
	return s
}

// withDetail is "main (detail, detail)", leaving out what is empty:
// "Visa (credit, US)".
func withDetail(main string, details ...string) string {
	d := strings.Join(nonEmpty(details), ", ")
	if d == "" {
		return main
	}
	return JoinNonEmpty(main, "("+d+")")
}

// JoinNonEmpty joins the parts that say something with spaces.
func JoinNonEmpty(parts ...string) string { return strings.Join(nonEmpty(parts), " ") }

func nonEmpty(parts []string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
