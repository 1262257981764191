package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// detailCache keeps the decoded Token of the selected record: decoding is
// lazy (only the selected row is ever decoded) and happens once per
// selection, not once per frame.
type detailCache struct {
	id      string
	fetched time.Time
	tok     *stripe.Token
	err     error
}

func (c *detailCache) token(r *model.Record) (*stripe.Token, error) {
	if c.id != r.ID || !c.fetched.Equal(r.FetchedAt) || (c.tok == nil && c.err == nil) {
		c.id, c.fetched = r.ID, r.FetchedAt
		c.tok, c.err = r.Token()
	}
	return c.tok, c.err
}

// detailLabel is the width of field names; card and bank fields are
// indented two more cells under their heading.
const detailLabel = 11

// detailLines renders every field of a token a person asks about, the USED
// line first: whether a token can still be used is the question tokenscope
// exists to answer. Values wrap at spaces within width cells (0: no limit)
// under the value column, so an id or an outcome is never cut.
func detailLines(st *common.Styles, r *model.Record, tok *stripe.Token, decodeErr error, now time.Time, width int) []string {
	var out []string
	styled := func(indent, name, value string) {
		out = append(out, indent+st.Label.Render(fmt.Sprintf("%-*s", detailLabel, name))+" "+value)
	}
	// row wraps a value under its column, each line in style.
	row := func(indent, name string, style lipgloss.Style, value string) {
		lines := []string{value}
		if width > 0 {
			lines = strings.Split(common.Wrap(value, width-len(indent)-detailLabel-1), "\n")
		}
		for i, l := range lines {
			if i > 0 {
				name = ""
			}
			styled(indent, name, style.Render(l))
		}
	}
	// field shows a value from the API, cleaned of control characters.
	field := func(indent, name, value string) {
		if value != "" {
			row(indent, name, st.Value, clean(value))
		}
	}
	for i, line := range usedLines(st, r, width-detailLabel-1) {
		name := "USED"
		if i > 0 {
			name = ""
		}
		styled("", name, line)
	}
	for _, u := range laterUses(r) {
		row("", "  then", st.Used, clean(attemptOutcome(u))+" ("+attemptTime(u.At, now)+")")
	}
	field("", "type", string(r.Type))
	field("", "livemode", fmt.Sprintf("%t (test mode)", r.Livemode))
	if r.Created > 0 {
		c := time.Unix(r.Created, 0).UTC()
		field("", "created", fmt.Sprintf("%s (%s)", c.Format("2006-01-02 15:04:05 UTC"), age(now.Sub(c))))
	}
	if decodeErr != nil {
		out = append(out, st.Error.Render(common.GlyphError+" cannot decode the stored token: "+decodeErr.Error()))
	}
	if tok != nil {
		field("", "client_ip", tok.ClientIP)
		if tok.Card != nil {
			out = append(out, st.Label.Render("card"))
			cardLines(tok.Card, r.Preset, field)
		}
		if tok.BankAccount != nil {
			out = append(out, st.Label.Render("bank_account"))
			bankLines(tok.BankAccount, field)
		}
	}
	out = append(out, "")
	ago := "never"
	if !r.FetchedAt.IsZero() {
		ago = age(now.Sub(r.FetchedAt)) + " ago"
	}
	if r.RequestID != "" {
		ago += " · " + r.RequestID
	}
	field("", "refreshed", ago)
	return out
}

// usedLines answer "can I still use this token?" in words and a glyph,
// wrapped at spaces to width cells (0 or less: one line) with the
// continuation indented past the glyph: the outcome of the use and the id
// of what used it are the point (the id is copied from here), so neither
// is ever cut.
func usedLines(st *common.Styles, r *model.Record, width int) []string {
	if r.Gone { // "it can be used once" would be false: Stripe no longer has it
		return []string{st.Gone.Render(common.GlyphGone + " no longer exists (resource_missing)")}
	}
	if !r.Used {
		return []string{st.Unused.Render(common.GlyphUnused + " no, it can be used once")}
	}
	s := common.GlyphUsed + " yes"
	switch u, later, found := r.ConsumedBy(); {
	case found && u.ObjectID != "":
		s += ", used by " + clean(u.ObjectID) + " (" + clean(useOutcome(u)) + ")"
	case found:
		s += " (" + clean(useOutcome(u)) + ")"
	case len(later) > 0:
		s += ", before any use tokenscope recorded"
	}
	if width <= 0 {
		return []string{st.Used.Render(s)}
	}
	glyph := common.GlyphUsed + " "
	lines := common.Hang(glyph, strings.TrimPrefix(s, glyph), width)
	for i, l := range lines {
		lines[i] = st.Used.Render(l)
	}
	return lines
}

// laterUses are the attempts after the one that consumed the token (all
// of them when none recorded here did): refused, but worth seeing.
func laterUses(r *model.Record) []model.Use {
	if !r.Used || r.Gone {
		return nil
	}
	_, later, _ := r.ConsumedBy()
	return later
}

// attemptOutcome is a later attempt's result, its bare code when refused
// ("token_already_used").
func attemptOutcome(u model.Use) string {
	if u.Status == "failed" && u.DeclineCode == "" && u.Code != "" {
		return u.Code
	}
	return useOutcome(u)
}

// attemptTime is when an attempt was made, "14:02 UTC", with the date
// when it was not today.
func attemptTime(at, now time.Time) string {
	at, now = at.UTC(), now.UTC()
	if at.Format(time.DateOnly) == now.Format(time.DateOnly) {
		return at.Format("15:04 UTC")
	}
	return at.Format("2006-01-02 15:04 UTC")
}

func useOutcome(u model.Use) string {
	switch {
	case u.Status == "failed" && u.DeclineCode != "":
		return "declined: " + u.DeclineCode
	case u.Status == "failed":
		return "failed: " + u.Code
	case u.Kind == model.UseCustomer:
		return "attached to a customer"
	}
	return string(u.Kind) + " " + u.Status
}

func cardLines(c *stripe.Card, preset string, field func(indent, name, value string)) {
	const in = "  "
	field(in, "id", c.ID)
	brand := string(c.Brand)
	if extra := joinNonEmpty(", ", string(c.Funding), c.Country); extra != "" {
		brand += " (" + extra + ")"
	}
	field(in, "brand", brand)
	field(in, "number", model.MaskLast4(c.Last4, string(c.Brand)))
	if c.ExpMonth > 0 {
		field(in, "expires", fmt.Sprintf("%02d/%d", c.ExpMonth, c.ExpYear))
	}
	field(in, "cvc_check", orUnset(string(c.CVCCheck)))
	field(in, "line1_check", string(c.AddressLine1Check))
	field(in, "zip_check", string(c.AddressZipCheck))
	field(in, "fingerprint", c.Fingerprint)
	field(in, "name", c.Name)
	// Only a recorded preset names the test card: brand and last4 alone do
	// not (4242 is both visa and a decline card's ending in other brands).
	if p, ok := model.CardByName(preset); ok {
		field(in, "test card", p.Name+": "+p.Expect)
	}
}

func bankLines(b *stripe.BankAccount, field func(indent, name, value string)) {
	const in = "  "
	field(in, "id", b.ID)
	field(in, "bank_name", b.BankName)
	field(in, "last4", "•••• "+b.Last4)
	field(in, "routing", b.RoutingNumber)
	field(in, "country", b.Country)
	field(in, "currency", string(b.Currency))
	holder := b.AccountHolderName
	if b.AccountHolderType != "" {
		holder = strings.TrimSpace(holder + " (" + string(b.AccountHolderType) + ")")
	}
	field(in, "holder", holder)
	field(in, "status", string(b.Status))
	field(in, "fingerprint", b.Fingerprint)
}

func orUnset(s string) string {
	if s == "" {
		return "unchecked"
	}
	return s
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
