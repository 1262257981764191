package service

import (
	"context"
	"errors"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

// explainCard explains a decline by the card that was declined (the
// card's last4 and country at path in f: "card" in a token, or
// "payment_method_details.card" in a charge), not by its decline code
// alone, which several test cards share (model.Error.ExplainCard).
func explainCard(err error, f model.Fields, path string) {
	var e *model.Error
	if f == nil || !errors.As(err, &e) {
		return
	}
	e.ExplainCardAt(f, path)
}

// explainChargeDecline explains a decline of a charge whose card the
// request did not name (a customer's default source): the declined
// charge, which Stripe keeps, is read for it, out of the request log (a
// read the person did not ask for). A failed read leaves the explanation
// by code.
func (s *Session) explainChargeDecline(ctx context.Context, err error) {
	var e *model.Error
	if !errors.As(err, &e) || e.DeclineCode == "" || e.Charge == "" {
		return
	}
	ch, gerr := s.api.Object(client.Unlogged(ctx), e.Charge)
	if gerr == nil {
		explainCard(err, ch.Fields(), "payment_method_details.card")
	}
}
