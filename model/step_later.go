package model

import "strconv"

// laterStep is c, a step's plan, as it acts after an authorize or
// setup_intent use: a capture of the charge (its amount, not
// amount_to_capture), a refund that releases it, a 3D Secure answer of
// the SetupIntent.
func laterStep(after UseKind, req StepRequest, c Change) Change {
	rename := func(from, to string) {
		for i := range c.Attrs {
			if c.Attrs[i].Name == from {
				c.Attrs[i].Name = to
			}
		}
	}
	switch {
	case after == UseAuthorize && req.Kind == StepCapture:
		rename("payment_intent", "charge")
		rename("amount_to_capture", "amount")
		c.Request = "POST /v1/charges/{id}/capture"
	case after == UseAuthorize && req.Kind == StepRefund:
		for i := range c.Attrs {
			if c.Attrs[i].Name == "amount" && req.Amount == 0 {
				c.Attrs[i].Note = "all of it: the authorization is released"
			} else if c.Attrs[i].Name == "amount" {
				c.Attrs[i].Value, c.Attrs[i].Note = strconv.FormatInt(req.Amount, 10), "expected: refused, an uncaptured charge is released whole"
			}
		}
	case after == UseSetupIntent && req.Kind == StepAuthenticate:
		rename("payment_intent", "setup_intent")
		c.Request = "POST " + EmulatorChallengePath + "{setup_intent} (the emulator's test page; against Stripe, a page to open)"
	}
	return c
}
