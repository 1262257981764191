package model

import (
	"strconv"
	"strings"
)

// Actions a change takes, named as Terraform names them. A token is never
// updated or deleted through the API; update and delete describe drift.
const (
	ActionCreate  = "create"
	ActionReplace = "replace" // a new token takes the place of one in the state (--replace)
	ActionUpdate  = "update"
	ActionDelete  = "delete"
)

// KnownAfterApply is what a plan shows for a value the API will choose
// (a token's id, whether it is used).
const KnownAfterApply = "(known after apply)"

// Plan is what tokenscope will do, shown before it does it.
type Plan struct {
	Changes []Change
	// Target labels the backend the requests go to ("OFFLINE emulator").
	Target string
	// About says what is planned, in the words of a scenario file's own
	// header comment; "" for none.
	About string
}

// Change is one resource a plan creates: a token, a charge or a customer.
type Change struct {
	Address string // "token.card", "charge.declined_insufficient"
	Action  string // ActionCreate or ActionReplace
	Attrs   []Attr
	Request string // "POST /v1/tokens"
	// Reason says why a replacement is needed when the user did not ask
	// for it: "its block changed since it was applied".
	Reason string
	// Also counts the objects a create makes beside the one addressed (a
	// PaymentIntent's PaymentMethod): each is one more to add.
	Also int
}

// Attr is one line of a change. Value is written as the plan shows it:
// strings quoted, numbers bare, secrets as Sensitive, ids as
// KnownAfterApply. Note is a remark shown after it in parentheses. Old,
// when set, is the value the state has, shown as Terraform shows an
// attribute that changes: `~ preset = "lost_card" -> "stolen_card"`.
type Attr struct {
	Name, Value, Note, Old string
}

// Type and Name split the address: "token", "card".
func (c Change) Type() string { t, _, _ := strings.Cut(c.Address, "."); return t }

// Name is the resource name of the address ("card" in "token.card").
func (c Change) Name() string { _, n, _ := strings.Cut(c.Address, "."); return n }

// Counts says how many resources the plan adds, changes and destroys; a
// replacement counts as one added and one destroyed, as in Terraform.
func (p Plan) Counts() (add, change, destroy int) {
	for _, c := range p.Changes {
		switch c.Action {
		case ActionCreate:
			add += 1 + c.Also
		case ActionUpdate:
			change++
		case ActionDelete:
			destroy++
		case ActionReplace:
			add += 1 + c.Also
			destroy++
		}
	}
	return add, change, destroy
}

func str(s string) string { return strconv.Quote(s) }

// PlanCreate describes creating a token named name from req, with every
// secret masked (the kind's Creator.Plan, or PlanAttrs): card numbers to
// their last four, CVC and id number as Sensitive. Routing numbers are
// public and shown whole.
func PlanCreate(name string, req TokenRequest) Change {
	c := Change{Address: "token." + name, Action: ActionCreate, Request: "POST /v1/tokens"}
	c.Attrs = append(c.Attrs, Attr{Name: "type", Value: str(string(req.Kind))})
	if s, ok := SpecOf(req.Kind); ok && s.Create != nil {
		if s.Create.Plan != nil {
			c.Attrs = append(c.Attrs, s.Create.Plan(req)...)
		} else {
			c.Attrs = append(c.Attrs, PlanAttrs(req.Kind, s.Create, req)...)
		}
	}
	c.Attrs = append(c.Attrs, Attr{Name: "id", Value: KnownAfterApply}, Attr{Name: "used", Value: KnownAfterApply})
	return c
}

// PlanUse describes using a token: a charge or a new customer. note, when
// given, is the expected outcome shown beside the source; without it, a
// magic test token (tok_visa...) gets its outcome from the catalog.
func PlanUse(name string, req UseRequest, note ...string) Change {
	n := ""
	if len(note) > 0 {
		n = note[0]
	} else if p, ok := MagicTokens[req.TokenID]; ok {
		n = UseExpect(req, p)
	}
	source := Attr{Name: "source", Value: str(req.TokenID), Note: n}
	known := Attr{Name: "id", Value: KnownAfterApply}
	if req.Kind == UseAccount || req.Kind == UseIDNumber {
		return planConnectUse(name, req, source)
	}
	switch req.Kind {
	case UseCustomer:
		return Change{Address: "customer." + name, Action: ActionCreate, Request: "POST /v1/customers",
			Attrs: []Attr{source, known}}
	case UsePaymentMethod, UsePaymentIntent:
		return planPayment(name, req, n)
	case UseAuthorize:
		return planAuthorize(name, req, source)
	case UseSetupIntent:
		return planSetupIntent(name, req, n)
	}
	return Change{Address: "charge." + name, Action: ActionCreate, Request: "POST /v1/charges",
		Attrs: []Attr{
			amountAttr(req.Amount, req.Currency),
			{Name: "currency", Value: str(req.Currency)},
			source, known,
		}}
}

// amountAttr is a plan's amount: in the smallest unit, as sent, with the
// money it is beside it ("2550 (25.50 eur)"), in every plan alike.
func amountAttr(n int64, currency string) Attr {
	return Attr{Name: "amount", Value: strconv.FormatInt(n, 10), Note: FormatAmount(n, currency)}
}

// UseExpect is the expected outcome of using a test card's token, for the
// note beside a plan's source: "expected: declined, card_declined /
// insufficient_funds". A manual-capture PaymentIntent ends in
// requires_capture, not succeeded.
func UseExpect(req UseRequest, c *CardPreset) string {
	o, kind := c.Outcome, req.Kind
	switch kind {
	case UsePaymentIntent:
		return PaymentIntentExpect(c, req.CaptureMethod == "manual")
	case UseAuthorize:
		return authorizeExpect(o)
	case UseSetupIntent:
		return SetupIntentExpect(c)
	case UsePaymentMethod:
		return "expected: a PaymentMethod (attaching it to a customer " + map[bool]string{true: "fails, " + o.Codes(), false: "works"}[o.NoAttach] + ")"
	}
	if kind == UseCustomer {
		if o.NoAttach {
			return "expected: attach fails, " + o.Codes()
		}
		return "expected: attaches"
	}
	switch {
	case o.Declines():
		return "expected: declined, " + o.Codes()
	case o.Risk != "" && o.Risk != "normal":
		return "expected: succeeds, risk " + o.Risk
	}
	return "expected: succeeds"
}

// Codes is the error code, with the decline code when it says more:
// "card_declined / insufficient_funds", "expired_card".
func (o Outcome) Codes() string {
	if o.DeclineCode != "" && o.DeclineCode != o.Code {
		return o.Code + " / " + o.DeclineCode
	}
	return o.Code
}
