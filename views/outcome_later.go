package views

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// The outcomes of the uses that leave something for later: an
// authorization (captured or released later) and a card saved with a
// SetupIntent (charged later, off session).

// savesOrHolds reports the uses whose outcome lists its fields in the
// CLI, as a PaymentIntent's does.
func savesOrHolds(k model.UseKind) bool {
	return k == model.UseAuthorize || k == model.UseSetupIntent
}

// laterFields are the rows of a successful authorization or SetupIntent
// use after its status and amount: what it made, what the test card is
// expected to do, and the next step (keys in the TUI, commands in the
// CLI).
func (o Outcome) laterFields(card *model.CardPreset, isCard bool) []Field {
	u := o.Use
	var out []Field
	switch o.Req.Kind {
	case model.UseAuthorize:
		if u.Status == model.ChargeUncaptured {
			out = append(out, Field{Label: "captured", Value: "false: authorized, the money is held" + captureBy(u.CaptureBefore)})
		}
	case model.UseSetupIntent:
		out = append(out, Field{Label: "method", Value: Clean(u.PaymentMethod)}, Field{Label: "customer", Value: Clean(u.Customer)})
	}
	if isCard {
		out = append(out, Field{Label: "outcome", Value: model.UseExpect(o.Req, card)})
	}
	if next := o.laterNext(); next != "" {
		out = append(out, Field{Label: "next", Value: Clean(next)})
	}
	return out
}

// laterNext is what to do with what the use made.
func (o Outcome) laterNext() string {
	u := o.Use
	switch {
	case o.Req.Kind == model.UseAuthorize && u.Status == model.ChargeUncaptured && o.TUI:
		return "c captures it (all or part), b releases it"
	case o.Req.Kind == model.UseAuthorize && u.Status == model.ChargeUncaptured:
		return "tokenscope capture " + u.ObjectID + " [--amount N], or tokenscope refund " + u.ObjectID + " to release it"
	case o.Req.Kind == model.UseSetupIntent && u.Status == model.PISucceeded:
		return "pay off session with customer " + u.Customer + " and payment_method " + u.PaymentMethod
	case o.Req.Kind == model.UseSetupIntent && o.TUI:
		return NextKeys(u.Status)
	case o.Req.Kind == model.UseSetupIntent:
		return NextStep(u.ObjectID, u.Status)
	}
	return ""
}

// captureBy is " (capture before 2026-12-12 17:00 UTC)", "" when unknown.
func captureBy(unix int64) string {
	if unix == 0 {
		return ""
	}
	return "; capture before " + time.Unix(unix, 0).UTC().Format("2006-01-02 15:04 UTC")
}
