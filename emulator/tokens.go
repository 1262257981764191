package emulator

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// tokenParams are the parameters POST /v1/tokens accepts: each registered
// kind's (model.Creator.Inputs), and what Stripe takes that tokenscope
// does not send (a card's address, an account's terms acceptance).
var tokenParams = func() []string {
	out := []string{
		"card[address_line1]", "card[address_line2]", "card[address_city]",
		"card[address_state]", "card[address_country]",
		"account[tos_shown_and_accepted]",
		"expand[",
	}
	for _, k := range model.Creatable() {
		for _, in := range k.Create.Inputs {
			if in.Param != "" {
				out = append(out, in.Param)
			}
		}
	}
	return out
}()

// createToken is POST /v1/tokens, for every kind in the registry. A card
// or a bank account is kept as an object of its own; any other kind is
// read and checked as model describes it, and kept as its type alone. The
// emulator behaves as an account with raw card data APIs enabled: without
// them Stripe refuses card numbers on this endpoint, which would leave
// nothing to explore.
func createToken(c *call) (any, *model.Error) {
	var kinds []*model.KindSpec
	var names []string
	for _, k := range model.Creatable() {
		names = append(names, string(k.Kind))
		if c.params.has(string(k.Kind) + "[") {
			kinds = append(kinds, k)
		}
	}
	switch {
	case len(kinds) == 0:
		return nil, invalid("", "", "You must supply either a card, customer, PII data, bank account, or account legal entity to create a token.")
	case len(kinds) > 1:
		a, b := string(kinds[0].Kind), string(kinds[1].Kind)
		last := len(names) - 1
		return nil, invalid("", b, "You cannot create a token for a "+a+" and a "+b+" at once: supply only one of "+
			strings.Join(names[:last], ", ")+" or "+names[last]+".")
	}
	k := kinds[0]
	t := &tokenRec{ID: newID(k.Prefixes[0], longID), Type: string(k.Kind), Created: c.now.Unix(), ClientIP: c.clientIP}
	var aerr *model.Error
	switch k.Kind {
	case model.KindCard:
		t.Card, aerr = cardFromParams(c)
	case model.KindBank:
		t.Bank, aerr = bankFromParams(c)
	default:
		req, fe := k.Create.FromParams(k, c.params.get)
		if aerr = fieldError(fe); aerr == nil {
			aerr = fieldError(model.Validate(req, c.now))
		}
		if a := req.Account; a != nil {
			// What the account it makes will show (accounts.go).
			t.Account = &accountTokenRec{BusinessType: a.BusinessType, FirstName: a.FirstName, LastName: a.LastName}
		}
	}
	if aerr != nil {
		return nil, aerr
	}
	c.objs.putToken(t)
	return renderToken(t), nil
}

// getToken is GET /v1/tokens/{id}; magic test tokens (tok_visa) answer with
// a token of that id, as Stripe's do.
func getToken(c *call) (any, *model.Error) {
	t, ok := findToken(c.objs, c.id(), c.now)
	if !ok {
		return nil, noSuch(http.StatusNotFound, "token", c.id(), "token")
	}
	return renderToken(t), nil
}

// findToken looks up a stored token, or mints the token a magic name stands
// for. A magic token's card keeps one id across reads, so refreshing it
// shows no drift.
func findToken(o *objects, id string, now time.Time) (*tokenRec, bool) {
	if t, ok := o.token(id); ok {
		return t, true
	}
	preset, ok := model.MagicTokens[id]
	if !ok {
		return nil, false
	}
	card := magicCard(o, preset, stableID("card_", id, longID), now)
	return &tokenRec{ID: id, Type: string(model.KindCard), Created: now.Unix(), Card: card}, true
}

// magicCard is the card behind a magic token: as if typed with a CVC and an
// expiry a year ahead. Each use of a magic token mints a new card (cardID).
func magicCard(o *objects, p *model.CardPreset, cardID string, now time.Time) *cardRec {
	return &cardRec{
		ID: cardID, Preset: p.Name, Brand: p.Brand, Funding: p.Funding,
		Country: p.Country, Last4: model.Last4(p.Number), ExpMonth: 12, ExpYear: now.Year() + 1,
		Fingerprint: o.fingerprint("card", p.Number), CVCCheck: check(true, p.Outcome.CVCCheck), Created: now.Unix(),
	}
}

// cardFromParams validates a card with model's validators (the same checks
// the client runs locally) and keeps what the token shows: never the number
// or the CVC.
func cardFromParams(c *call) (*cardRec, *model.Error) {
	p := c.params
	number := model.Digits(p.get("card[number]"))
	for _, f := range []string{"number", "exp_month", "exp_year"} {
		if p.get("card["+f+"]") == "" {
			return nil, missingParam("card[" + f + "]")
		}
	}
	month, err := strconv.Atoi(p.get("card[exp_month]"))
	if err != nil {
		return nil, fieldError(model.ValidateExpMonth(0))
	}
	year, err := strconv.Atoi(p.get("card[exp_year]"))
	if err != nil {
		return nil, fieldError(model.ValidateExpYear(0, c.now))
	}
	if year < 100 {
		year += 2000 // Stripe reads "34" as 2034
	}
	cvc := p.get("card[cvc]")
	in := &model.CardInput{Number: number, ExpMonth: month, ExpYear: year, CVC: cvc}
	if err := model.Validate(model.TokenRequest{Kind: model.KindCard, Card: in, AllowAnyNumber: true}, c.now); err != nil {
		return nil, fieldError(err)
	}
	preset, ok := model.CardByNumber(number)
	if !ok {
		// Test mode declines any real card at tokenization.
		return nil, declined("card_declined", "test_mode_live_card",
			"Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.", "")
	}
	addr := address{
		City: p.get("card[address_city]"), Country: p.get("card[address_country]"),
		Line1: p.get("card[address_line1]"), Line2: p.get("card[address_line2]"),
		State: p.get("card[address_state]"), Zip: p.get("card[address_zip]"),
	}
	return &cardRec{
		ID: newID("card_", longID), Preset: preset.Name, Brand: preset.Brand,
		Funding: preset.Funding, Country: preset.Country, Last4: model.Last4(number),
		ExpMonth: month, ExpYear: year, Fingerprint: c.objs.fingerprint("card", number),
		Name: p.get("card[name]"), Address: addr,
		CVCCheck:   check(cvc != "", preset.Outcome.CVCCheck),
		ZipCheck:   check(addr.Zip != "", preset.Outcome.ZipCheck),
		Line1Check: check(addr.Line1 != "", preset.Outcome.Line1Check),
		Created:    c.now.Unix(),
	}, nil
}

// check is a card check's value at tokenization: null when nothing was given
// to check, the catalog's result when the test card fixes one, "unchecked"
// otherwise (Stripe checks when the card is first charged).
func check(given bool, fixed string) string {
	switch {
	case !given:
		return ""
	case fixed != "":
		return fixed
	}
	return "unchecked"
}

func bankFromParams(c *call) (*bankRec, *model.Error) {
	p := c.params
	in := &model.BankInput{
		Country:       strings.ToUpper(p.get("bank_account[country]")),
		Currency:      strings.ToLower(p.get("bank_account[currency]")),
		RoutingNumber: p.get("bank_account[routing_number]"),
		AccountNumber: p.get("bank_account[account_number]"),
		HolderName:    p.get("bank_account[account_holder_name]"),
		HolderType:    p.get("bank_account[account_holder_type]"),
	}
	if err := model.Validate(model.TokenRequest{Kind: model.KindBank, Bank: in}, c.now); err != nil {
		return nil, fieldError(err)
	}
	b := &bankRec{
		ID: newID("ba_", longID), Country: in.Country, Currency: in.Currency,
		RoutingNumber: in.RoutingNumber, Last4: model.Last4(in.AccountNumber),
		HolderName: in.HolderName, HolderType: in.HolderType,
		Fingerprint: c.objs.fingerprint("bank", in.RoutingNumber+"/"+in.AccountNumber),
	}
	if in.RoutingNumber == model.TestRouting {
		b.BankName = model.TestBankName
		if preset, ok := model.BankByAccount(in.AccountNumber); ok {
			b.Preset = preset.Name
		}
	}
	return b, nil
}
