package model

// UseSetupIntent saves a card token for later payments: a PaymentMethod
// made of it (POST /v1/payment_methods), a new customer to keep it (POST
// /v1/customers), and a SetupIntent confirmed with both (POST
// /v1/setup_intents confirm=true usage=off_session), which may ask for 3D
// Secure first.
const UseSetupIntent UseKind = "setup_intent"

// planSetupIntent is the plan of saving a card: the SetupIntent, with the
// PaymentMethod and customer made first.
func planSetupIntent(name string, req UseRequest, note string) Change {
	attrs := []Attr{
		{Name: "confirm", Value: "true"},
		{Name: "usage", Value: str("off_session")},
		{Name: "payment_method_types", Value: `["card"]`},
		{Name: "payment_method", Value: KnownAfterApply, Note: "made of the token first"},
		{Name: "customer", Value: KnownAfterApply, Note: "a new one, made first"},
		{Name: "card.token", Value: str(req.TokenID), Note: note},
	}
	if req.ReturnURL != "" {
		attrs = append(attrs, Attr{Name: "return_url", Value: str(req.ReturnURL)})
	}
	attrs = append(attrs, Attr{Name: "id", Value: KnownAfterApply}, Attr{Name: "status", Value: KnownAfterApply})
	return Change{Address: "setup_intent." + name, Action: ActionCreate, Request: "POST /v1/setup_intents", Attrs: attrs, Also: 2}
}

// SetupIntentExpect is what saving a test card is expected to do, as the
// card check goes: an issuer's decline, a 3D Secure challenge, or saved.
func SetupIntentExpect(c *CardPreset) string {
	switch o := c.Outcome; {
	case o.NoAttach:
		return "expected: declined, " + o.Codes() + "; back to requires_payment_method"
	case o.ThreeDS.Asks(false):
		return "expected: requires_action (3D Secure), then succeeded"
	}
	return "expected: succeeded, the card saved for off-session payments"
}

// SetupIntentStatusNote says what a SetupIntent's status means: a
// PaymentIntent's words, but succeeded, which saved the card (no money
// moved).
func SetupIntentStatusNote(status string) string {
	if status == PISucceeded {
		return "the card is saved for later payments"
	}
	return PaymentIntentStatusNote(status)
}
