package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// cardKind is a card token (tok_): one of Stripe's test cards.
var cardKind = &KindSpec{
	Kind:     KindCard,
	Object:   ObjectToken,
	Prefixes: []string{"tok_"},
	Short:    "card",
	Label:    "card",
	About:    "a test card: succeeds, declines, fraud checks",
	Heading:  "card",
	Summary: func(f Fields) string {
		if !f.Has("card") {
			return ""
		}
		return f.Get("card.brand") + " •••• " + f.Get("card.last4")
	},
	Fields: []DetailField{
		{Path: "card.id", Label: "id"},
		{Path: "card.brand", Label: "brand", Value: func(f Fields) string {
			return withDetail(f.Get("card.brand"), f.Get("card.funding"), f.Get("card.country"))
		}},
		{Path: "card.last4", Label: "number", Value: func(f Fields) string {
			return MaskLast4(f.Get("card.last4"), f.Get("card.brand"))
		}},
		{Path: "card.exp", Label: "expires", Value: func(f Fields) string {
			m, _ := strconv.Atoi(f.Get("card.exp_month"))
			if m == 0 {
				return ""
			}
			return fmt.Sprintf("%02d/%s", m, f.Get("card.exp_year"))
		}},
		{Path: "card.cvc_check", Label: "cvc_check", Value: func(f Fields) string {
			if v := f.Get("card.cvc_check"); v != "" || !f.Has("card") {
				return v
			}
			return "unchecked" // no CVC was checked: Stripe's word for it
		}},
		{Path: "card.address_line1_check", Label: "line1_check"},
		{Path: "card.address_zip_check", Label: "zip_check"},
		{Path: "card.fingerprint", Label: "fingerprint"},
		{Path: "card.name", Label: "name"},
	},
	Drift: []DetailField{
		{Path: "card.brand"}, {Path: "card.last4"}, {Path: "card.funding"}, {Path: "card.country"},
		{Path: "card.exp", Value: func(f Fields) string {
			if !f.Has("card") {
				return ""
			}
			m, _ := strconv.Atoi(f.Get("card.exp_month"))
			y, _ := strconv.Atoi(f.Get("card.exp_year"))
			return fmt.Sprintf("%02d/%04d", m, y)
		}},
		{Path: "card.cvc_check"}, {Path: "card.address_line1_check"}, {Path: "card.address_zip_check"}, {Path: "card.fingerprint"},
	},
	Uses: []UseKind{UseCharge, UseCustomer, UsePaymentMethod, UsePaymentIntent, UseAuthorize, UseSetupIntent},
	Create: &Creator{
		Command: "card",
		Use:     "card [--preset NAME | --number N --exp MM/YY --cvc CVC]",
		Short:   "Create a card token (test card numbers only, unless --allow-any-number)",
		Example: `  tokenscope create card --preset visa
  tokenscope create card --preset insufficient_funds --json
  tokenscope create card --number 4242424242424242 --exp 12/34 --cvc 123`,
		Inputs: []Input{
			bindText(Input{Attr: "number", Param: "card[number]", Flag: "number", Usage: "card number: one of Stripe's test cards; - reads any number from stdin",
				Label: "Number", Ident: true, Masked: true, Show: GroupCard, Public: testCard, MaxLen: maxCardNumberLen,
				Check: func(v string, r TokenRequest, _ time.Time) *FieldError { return ValidateNumber(v, r.AllowAnyNumber) },
			}, cardPart, func(c *CardInput) *string { return &c.Number }, Digits),
			{Flag: "exp", Usage: "expiry, MM/YY or MM/YYYY", Label: "Expires", Placeholder: "MM/YY", MaxLen: maxExpiryLen,
				Check: checkExpiry, Get: getExpiry, Set: setExpiry},
			bindInt(Input{Attr: "exp_month", Int: true, Param: "card[exp_month]"}, cardPart, func(c *CardInput) *int { return &c.ExpMonth }),
			bindInt(Input{Attr: "exp_year", Int: true, Param: "card[exp_year]"}, cardPart, func(c *CardInput) *int { return &c.ExpYear }),
			bindText(Input{Attr: "cvc", Param: "card[cvc]", Flag: "cvc", Usage: "CVC (3 digits, 4 for American Express); - reads it from stdin",
				Label: "CVC", Secret: true, MaxLen: maxCVCLen,
				// Stripe's test cards take any CVC: with one, the CVC is test data too.
				Public: func(_ string, r TokenRequest) bool { return testCard(cardPart(&r).Number, r) },
				Check:  func(v string, r TokenRequest, _ time.Time) *FieldError { return ValidateCVC(v, cardPart(&r).Number) },
			}, cardPart, func(c *CardInput) *string { return &c.CVC }, trim),
			bindText(Input{Attr: "name", Param: ParamCardName, Flag: "name", Usage: "cardholder name", Label: "Name", Example: presetHolderName, Keep: true},
				cardPart, func(c *CardInput) *string { return &c.Name }, trim),
			bindText(Input{Attr: "zip", Param: ParamCardZip, Flag: "zip", Usage: "billing postal code"},
				cardPart, func(c *CardInput) *string { return &c.Zip }, trim),
		},
		Presets:     cardPresets(),
		PresetLabel: "test card",
		AllowAny:    "let a number outside Stripe's test cards through the local check",
		New:         func(r *TokenRequest) { r.Card = &CardInput{} },
		Validate: func(r TokenRequest, now time.Time) *FieldError {
			if r.Card == nil {
				return missing("card", "the card")
			}
			return validateCard(r.Card, r.AllowAnyNumber, now)
		},
		Plan: planCard,
	},
}

func testCard(number string, _ TokenRequest) bool {
	_, ok := CardByNumber(number)
	return ok
}

func cardPart(r *TokenRequest) *CardInput {
	if r.Card == nil {
		r.Card = &CardInput{}
	}
	return r.Card
}

// The card's expiry is typed as MM/YY in the form and the create command,
// and sent (and written in a scenario) as exp_month and exp_year.
func checkExpiry(s string, _ TokenRequest, now time.Time) *FieldError {
	m, y, fe := ParseExpiry(s)
	if fe != nil {
		return fe
	}
	return ValidateExpiry(m, y, now)
}

func getExpiry(r TokenRequest) string {
	c := cardPart(&r)
	if c.ExpMonth == 0 && c.ExpYear == 0 {
		return ""
	}
	return fmt.Sprintf("%02d/%02d", c.ExpMonth, c.ExpYear%100)
}

func setExpiry(r *TokenRequest, s string) *FieldError {
	m, y, fe := ParseExpiry(s)
	if fe != nil {
		return fe
	}
	c := cardPart(r)
	c.ExpMonth, c.ExpYear = m, y
	return nil
}

// cardPresets are Stripe's test cards, each with a CVC of its brand's
// length and an expiry five Decembers ahead.
func cardPresets() []Preset {
	out := make([]Preset, len(Cards))
	for i := range Cards {
		c := &Cards[i]
		out[i] = Preset{Name: c.Name, Expect: c.Expect, Request: func(now time.Time) TokenRequest {
			cvc := presetCVC
			if c.Brand == BrandAmex {
				cvc = presetAmexCVC
			}
			return TokenRequest{Kind: KindCard, Preset: c.Name, Card: &CardInput{
				Number: c.Number, ExpMonth: presetExpMonth, ExpYear: now.Year() + presetExpYears, CVC: cvc,
			}}
		}}
	}
	return out
}

// planCard shows the number masked in its brand's grouping, with the test
// card it is, and the expiry as one value.
func planCard(r TokenRequest) []Attr {
	k := r.Card
	if k == nil {
		return nil
	}
	attrs := []Attr{
		{Name: "card.number", Value: str(MaskCard(k.Number)), Note: cardNote(k.Number)},
		{Name: "card.exp", Value: str(fmt.Sprintf("%02d/%04d", k.ExpMonth, k.ExpYear))},
	}
	if k.CVC != "" {
		attrs = append(attrs, Attr{Name: "card.cvc", Value: Sensitive})
	}
	for _, a := range [][2]string{{"card.name", k.Name}, {"card.address_zip", k.Zip}} {
		if a[1] != "" {
			attrs = append(attrs, Attr{Name: a[0], Value: str(a[1])})
		}
	}
	return attrs
}

func cardNote(number string) string {
	if p, ok := CardByNumber(number); ok {
		return "test card: " + p.Name
	}
	return "not a Stripe test card"
}

// GroupCard writes a card number as it is printed on the card
// (CardGroups: 4-6-5 for American Express).
func GroupCard(n string) string {
	d := Digits(n)
	var parts []string
	for _, g := range CardGroups(d) {
		g = min(g, len(d))
		if g == 0 {
			break
		}
		parts = append(parts, d[:g])
		d = d[g:]
	}
	return strings.Join(parts, " ")
}
