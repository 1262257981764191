package model

// UseAuthorize is a charge of a card token that only authorizes the
// amount (POST /v1/charges capture=false): the money is held on the card
// until it is captured (all or part of it) or released, which a refund
// of the uncaptured charge does.
const UseAuthorize UseKind = "authorize"

// ChargeUncaptured is the status tokenscope records for an authorization
// not yet captured; Stripe's status says succeeded for it (chargeState).
const ChargeUncaptured = chargeUncaptured

// ChargeReleased is the status recorded once an authorization is released
// (refunded whole, uncaptured).
const ChargeReleased = chargeReleased

// ChargeStateOf is a charge's state in one word (chargeState): its status,
// or uncaptured or released for an authorization.
func ChargeStateOf(f Fields) string { return chargeState(f) }

// planAuthorize is the plan of an authorization: the charge use's, with
// capture = false.
func planAuthorize(name string, req UseRequest, source Attr) Change {
	return Change{Address: "charge." + name, Action: ActionCreate, Request: "POST /v1/charges",
		Attrs: []Attr{
			amountAttr(req.Amount, req.Currency),
			{Name: "currency", Value: str(req.Currency)},
			{Name: "capture", Value: "false", Note: "authorized only: capture or release it later"},
			source,
			{Name: "id", Value: KnownAfterApply},
		}}
}

// authorizeExpect is what authorizing a test card is expected to do: the
// charge's decline, or an authorization waiting for its capture.
func authorizeExpect(o Outcome) string {
	if o.Declines() {
		return "expected: declined, " + o.Codes()
	}
	return "expected: uncaptured, to capture or release"
}
