package common

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
)

// ObjectKeys are the keys of what a token became (ui/flow/object.go):
// enter in a token's detail opens it. In its pane each key is offered
// only when the object's state allows it (model.Subject.Moves): a and f
// complete or fail a PaymentIntent's 3D Secure challenge, c captures it,
// x cancels it, b refunds a charge or a paid PaymentIntent (releases an
// authorization; c captures one), w answers an
// open dispute (evidence or close), v verifies a bank account with its
// micro-deposits and p charges a customer. Every move but a and f shows
// its plan first.
type ObjectKeys struct {
	Follow, Authenticate, FailChallenge, Verify, ChargeCustomer key.Binding
	Capture, CancelIntent, Refund, AnswerDispute                key.Binding
	Release                                                     key.Binding // b on an authorization
}

func newObjectKeys() ObjectKeys {
	return ObjectKeys{
		Follow:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open its objects")),
		Authenticate:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "pass 3DS")),
		FailChallenge:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fail 3DS")),
		Verify:         key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "verify bank")),
		ChargeCustomer: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "charge")),
		Capture:        key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "capture")),
		CancelIntent:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "cancel PI")),
		Refund:         key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "refund")),
		Release:        key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "release")),
		AnswerDispute:  key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "answer dispute")),
	}
}

// helpKeys are the object keys as the help overlay lists them. b refunds
// or releases as the object allows: the help names what it does for the
// object shown, the binding of b among offered (the pane's keys), and
// both where no object shown offers it.
func (o ObjectKeys) helpKeys(offered []key.Binding) []key.Binding {
	b := key.NewBinding(key.WithKeys(o.Refund.Keys()...),
		key.WithHelp(o.Refund.Help().Key, o.Refund.Help().Desc+" / "+o.Release.Help().Desc))
	for _, k := range offered {
		if slices.Equal(k.Keys(), o.Refund.Keys()) {
			b = k
		}
	}
	return []key.Binding{o.Follow, o.Authenticate, o.FailChallenge, o.Capture, o.CancelIntent, b, o.AnswerDispute, o.Verify, o.ChargeCustomer}
}
