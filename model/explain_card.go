package model

import "strings"

// ExplainCard explains a decline by the card that was declined, given as
// its last 4 digits and country (a token's card, a charge's
// payment_method_details.card): several test cards decline with one code
// (generic_decline: 0002, 0341...), and Explain, which knows the code
// only, names the first of them. The card's own explanation replaces it
// when the catalogue has a card of those digits declining with that code;
// for any other card the explanation names no card number, only which
// test card simulates the decline. Nothing changes when e is no decline
// or last4 is unknown.
func (e *Error) ExplainCard(last4, country string) {
	if e == nil || e.DeclineCode == "" || len(last4) != 4 {
		return
	}
	var first *CardPreset
	for i := range Cards {
		c := &Cards[i]
		if !c.declinesWith(e.DeclineCode) || c.Explain == "" {
			continue
		}
		if strings.HasSuffix(c.Number, last4) && (country == "" || c.Country == country) {
			e.Why, e.Next = c.Explain, declineNext(c)
			return
		}
		if first == nil && c.Outcome.DeclineCode == e.DeclineCode {
			first = c // the card whose text Explain gave the code (explain.go's init)
		}
	}
	if first == nil || !strings.HasPrefix(e.Why, first.Number) {
		return // an explanation of the code's own, naming no card
	}
	e.Why = "the issuer declined the card ••••" + last4 + " (" + e.DeclineCode + "); a real customer sees \"" + e.declineMessage() + "\""
	e.Next = "the " + first.Name + " test card simulates this decline; use the visa preset (tok_visa) for a charge that succeeds"
}

// ExplainCardAt is ExplainCard for the card at path in f: "card" in a
// token, "payment_method_details.card" in a charge,
// "last_payment_error.payment_method.card" in a PaymentIntent. It is the
// one place a decline is explained by its card, whoever shows it (the
// CLI, the TUI, a report).
func (e *Error) ExplainCardAt(f Fields, path string) {
	if f != nil {
		e.ExplainCard(f.Get(path+".last4"), f.Get(path+".country"))
	}
}

// declinesWith reports whether test card c declines with code: at once,
// or after 3D Secure (threeds_declined's generic_decline).
func (c *CardPreset) declinesWith(code string) bool {
	return c.Outcome.DeclineCode == code || (c.Outcome.AfterAuth != nil && c.Outcome.AfterAuth.DeclineCode == code)
}

// declineNext is the next step after a decline of test card c.
func declineNext(c *CardPreset) string {
	return "that is what the " + c.Name + " test card is for; use the visa preset (tok_visa) for a charge that succeeds"
}

// declineMessage is the message a customer is shown: Stripe's.
func (e *Error) declineMessage() string {
	if e.Message != "" {
		return e.Message
	}
	return msgDeclined
}
