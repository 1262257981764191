package model

import "strconv"

// The moves of an authorization (a charge made with capture=false): its
// pane captures it, all or part of it (POST /v1/charges/{id}/capture), or
// releases it, which is a refund of the uncaptured charge (Stripe takes
// no partial refund of one: a partial capture releases the rest).

// Uncaptured reports a charge of the Charges API authorized and not yet
// captured or released. A PaymentIntent's uncaptured charge is not one:
// the PaymentIntent is captured or canceled instead.
func (s Subject) Uncaptured() bool {
	return s.is("ch_") && s.F.Get("payment_intent") == "" && chargeState(s.F) == chargeUncaptured
}

// planChargeCapture is the capture of an authorization: captured, and
// what is not captured released.
func planChargeCapture(s Subject, in MoveInput) []Change {
	n, note, fits := captureAmount(s, in.Amount)
	var attrs []Attr
	if fits {
		attrs = []Attr{{Name: "captured", Old: "false", Value: "true"}}
	}
	attrs = append(attrs, Attr{Name: "amount", Value: strconv.FormatInt(n, 10), Note: note})
	return []Change{{Address: "charge." + s.ID, Action: ActionUpdate, Request: "POST /v1/charges/" + s.ID + "/capture", Attrs: attrs}}
}

// captureAmount is what a capture of asked (0: all of it) takes of what
// s may capture (a charge's authorization, a PaymentIntent's
// amount_capturable), with the note a plan shows: the rest is released.
// More than that does not fit: nothing changes but the refusal
// (amount_too_large), and n is asked as it was.
func captureAmount(s Subject, asked int64) (n int64, note string, fits bool) {
	capturable, cur := s.Capturable()
	return captureOf(asked, capturable, cur)
}

// captureOf is captureAmount of what may be captured, known without the
// object (a scenario's capture step: its use's amount).
func captureOf(asked, capturable int64, cur string) (n int64, note string, fits bool) {
	switch {
	case asked == 0 || asked == capturable:
		return capturable, "all of it", true
	case asked < capturable:
		return asked, FormatAmount(asked, cur) + " of " + FormatAmount(capturable, cur) + "; the other " + FormatAmount(capturable-asked, cur) + " is released", true
	}
	return asked, "more than the " + FormatAmount(capturable, cur) + " authorized: expected amount_too_large", false
}

// planRelease is the release of an authorization: a refund of all of it,
// which moves no money (none was captured).
func planRelease(s Subject) []Change {
	n, cur := s.Capturable()
	return []Change{
		{Address: "refund." + s.ID, Action: ActionCreate, Request: "POST /v1/refunds", Attrs: []Attr{
			{Name: "charge", Value: str(s.ID)},
			{Name: "amount", Value: strconv.FormatInt(n, 10), Note: "the whole authorization of " + FormatAmount(n, cur) + " is released: no money moves"},
			{Name: "id", Value: KnownAfterApply},
		}},
		{Address: "charge." + s.ID, Action: ActionUpdate, Attrs: []Attr{
			{Name: "status", Old: str(chargeUncaptured), Value: str(chargeReleased)},
			{Name: "refunded", Old: "false", Value: "true"},
		}},
	}
}
