package fsutil

import (
	"fmt"

	"github.com/tokenscope/tokenscope/model"
)

// The guard is the last check before state.json or the emulator's objects
// are written. They only ever hold what Stripe returns (a Token object
// carries last4, never the number) and local facts, so nothing secret
// should reach them; but a bug that stores a request body, a form value or
// an error text would put a card number or a key into a file that lives on
// for years, is copied by backups and is read by `state pull`. Refusing the
// write turns that bug into a loud error instead of a silent leak.

// minKeyChars is how many key characters must follow a prefix for it to be
// a key: real keys have dozens, while a text that mentions "sk_test_..." or
// a placeholder such as sk_test_xxx must stay writable.
const minKeyChars = 8

// SecretError is CheckSecrets' refusal. It names the kind of secret, a
// hint (a card's last 4, a key's prefix) and where it is, never the secret.
type SecretError struct {
	Kind   string // "card number" or "Stripe secret key"
	Hint   string // "ending 5556" or "sk_test_…"
	Offset int    // byte offset in the data
}

func (e *SecretError) Error() string {
	return fmt.Sprintf("it holds what looks like a %s (%s) at byte %d; %ss must never be written to disk", e.Kind, e.Hint, e.Offset, e.Kind)
}

// LocalCode is SecretError's code in --json's error object.
func (e *SecretError) LocalCode() string { return model.CodeSecretRefused }

// CheckSecrets reports a card number or an API secret key in data, as a
// *SecretError. Every file tokenscope writes that outlives the process
// (state.json, the emulator's objects) passes through it first.
func CheckSecrets(data []byte) error {
	if off, last4 := model.FindCardNumber(data, model.ScanStored); off >= 0 {
		return &SecretError{Kind: "card number", Hint: "ending " + last4, Offset: off}
	}
	return CheckKeys(data)
}

// CheckKeys is CheckSecrets for the secret keys alone: for the emulator's
// objects when its user has said that the card-like numbers sent are none
// (tokenscope emulator --allow-card-numbers-in-text).
func CheckKeys(data []byte) error {
	if off, _, prefix := model.FindSecretKey(data, minKeyChars); off >= 0 {
		return &SecretError{Kind: "Stripe secret key", Hint: prefix + "…", Offset: off}
	}
	return nil
}
