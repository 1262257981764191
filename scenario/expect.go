package scenario

import (
	"github.com/tokenscope/tokenscope/model"
)

// Expectation is the error the catalog says a token's use step ends with:
// a declining test card is meant to decline, and a scenario that shows the
// decline has done its job.
type Expectation struct {
	Code, DeclineCode string
}

// String is "card_declined / insufficient_funds", or the code alone when
// Stripe repeats it as the decline code.
func (e Expectation) String() string {
	if e.DeclineCode == "" || e.DeclineCode == e.Code {
		return e.Code
	}
	return e.Code + " / " + e.DeclineCode
}

// Expected returns what the catalog expects of t's use step: for a charge,
// the card's decline; for a customer, the decline of a card that cannot be
// attached. ok is false when the step should succeed.
func (t Token) Expected() (e Expectation, ok bool) {
	if t.Use == nil || t.Request.Card == nil {
		return Expectation{}, false
	}
	card, found := model.CardByNumber(t.Request.Card.Number)
	if !found {
		return Expectation{}, false
	}
	o := card.Outcome
	switch {
	case (t.Use.Kind == model.UseCharge || t.Use.Kind == model.UseAuthorize) && o.Declines(),
		(t.Use.Kind == model.UseCustomer || t.Use.Kind == model.UseSetupIntent) && o.NoAttach:
		return Expectation{Code: o.Code, DeclineCode: o.DeclineCode}, true
	case t.Use.Kind == model.UsePaymentIntent && o.ThreeDS == model.ThreeDSNone && o.Declines():
		// A 3D Secure card stops in requires_action: its decline, if
		// any, comes after authentication.
		return Expectation{Code: o.Code, DeclineCode: o.DeclineCode}, true
	}
	return Expectation{}, false
}

// Matches decides whether a use step's error is the expected decline rather
// than a failure. The rule: the error came from the API (not a local check),
// its code equals the catalog's, and its decline code equals the catalog's
// when the API gave one. Anything else is a failed step.
func (e Expectation) Matches(err error) bool {
	ce, ok := model.AsError(err)
	if !ok || ce.Local || ce.Code != e.Code {
		return false
	}
	return ce.DeclineCode == "" || ce.DeclineCode == e.DeclineCode
}
