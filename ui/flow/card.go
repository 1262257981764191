package flow

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/huh"
	"github.com/tokenscope/tokenscope/model"
)

// cardForm is the card token form: a test-card preset, then number, expiry,
// CVC and name, which the preset fills in.
type cardForm struct {
	now                                  func() time.Time
	preset, number, expiry, cvc, name    string
	applied                              string // the preset last filled in
	numberIn, expiryIn, cvcIn, nameInput *huh.Input
}

func newCardForm(now func() time.Time) *cardForm {
	c := &cardForm{now: now, preset: model.Cards[0].Name, name: "Jenny Rosen"}
	c.sync()
	return c
}

func (c *cardForm) kind() model.Kind { return model.KindCard }

func (c *cardForm) fields(rows, width int) []huh.Field {
	names := make([]string, len(model.Cards))
	expects := make([]string, len(model.Cards))
	for i, p := range model.Cards {
		names[i], expects[i] = p.Name, p.Expect
	}
	c.numberIn = input("Number", &c.number, check(func(s string) *model.FieldError { return model.ValidateNumber(s, false) }))
	c.expiryIn = input("Expires", &c.expiry, c.checkExpiry).Placeholder("MM/YY")
	c.cvcIn = secret("CVC", &c.cvc, check(func(s string) *model.FieldError { return model.ValidateCVC(s, c.number) }))
	c.nameInput = input("Name", &c.name, nil)
	return []huh.Field{presetPicker(&c.preset, rows, width, names, expects), c.numberIn, c.expiryIn, c.cvcIn, c.nameInput}
}

func (c *cardForm) checkExpiry(s string) error {
	m, y, fe := model.ParseExpiry(s)
	if fe != nil {
		return fe
	}
	return fieldErr(model.ValidateExpiry(m, y, c.now()))
}

// sync fills the fields from a preset newly chosen; "custom" keeps them.
func (c *cardForm) sync() bool {
	if c.preset == c.applied {
		return false
	}
	c.applied = c.preset
	req, err := model.FromPresetAt(c.preset, c.now())
	if err != nil || req.Card == nil {
		return false
	}
	c.number = groupNumber(req.Card.Number)
	c.expiry = fmt.Sprintf("%02d/%02d", req.Card.ExpMonth, req.Card.ExpYear%100)
	c.cvc = req.Card.CVC
	if req.Card.Name != "" {
		c.name = req.Card.Name
	}
	// huh's inputs read their value once; point them at it again.
	for _, in := range []struct {
		f *huh.Input
		v *string
	}{{c.numberIn, &c.number}, {c.expiryIn, &c.expiry}, {c.cvcIn, &c.cvc}, {c.nameInput, &c.name}} {
		if in.f != nil {
			in.f.Value(in.v)
		}
	}
	return true
}

// request keeps the preset's name while the number is still the preset's:
// the plan and the record then say which test card this is.
func (c *cardForm) request() (model.TokenRequest, error) {
	m, y, fe := model.ParseExpiry(c.expiry)
	if fe != nil {
		return model.TokenRequest{}, fe
	}
	req := model.TokenRequest{Kind: model.KindCard, Card: &model.CardInput{
		Number: model.Digits(c.number), ExpMonth: m, ExpYear: y, CVC: strings.TrimSpace(c.cvc), Name: strings.TrimSpace(c.name),
	}}
	if p, ok := model.CardByName(c.preset); ok && p.Number == req.Card.Number {
		req.Preset = p.Name
	}
	return req, nil
}

// groupNumber writes a card number as it is printed on the card
// (model.CardGroups: 4-6-5 for American Express).
func groupNumber(n string) string {
	d := model.Digits(n)
	var parts []string
	for _, g := range model.CardGroups(d) {
		g = min(g, len(d))
		if g == 0 {
			break
		}
		parts = append(parts, d[:g])
		d = d[g:]
	}
	return strings.Join(parts, " ")
}
