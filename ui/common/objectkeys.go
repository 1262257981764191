package common

import "github.com/charmbracelet/bubbles/key"

// ObjectKeys are the keys of what a token became (ui/flow/object.go):
// enter in a token's detail opens it; in its pane a and f complete or
// fail a PaymentIntent's 3D Secure challenge, v verifies a customer's
// bank account with the test micro-deposits and p charges the customer.
type ObjectKeys struct {
	Follow, Authenticate, FailChallenge, Verify, ChargeCustomer key.Binding
}

func newObjectKeys() ObjectKeys {
	return ObjectKeys{
		Follow:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open its objects")),
		Authenticate:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "pass 3DS")),
		FailChallenge:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fail 3DS")),
		Verify:         key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "verify bank")),
		ChargeCustomer: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "charge 10.00")),
	}
}
