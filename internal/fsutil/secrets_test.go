package fsutil

import (
	"errors"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

func TestCheckSecretsRefusesCardNumbersAndKeys(t *testing.T) {
	for name, leak := range map[string]string{
		"card number":         "4242424242424242",
		"grouped card number": "4000 0566 5566 5556",
		"amex":                "378282246310005",
		"secret key":          "sk_test_51AbCdEfGhIjKlMnOp",
		"restricted live key": "rk_" + "live_51AbCdEfGhIjKlMnOp",
	} {
		var se *SecretError
		if err := CheckSecrets([]byte(`{"summary":"oops ` + leak + `"}`)); !errors.As(err, &se) {
			t.Errorf("%s: %v, want a *SecretError", name, err)
		}
	}
}

func TestCheckSecretsLetsOrdinaryTextThrough(t *testing.T) {
	for name, text := range map[string]string{
		"masked card":           "Visa •••• 4242",
		"luhn-failing number":   "4242424242424241",
		"12 digits":             "000123456789",
		"20 digits":             "42424242424242424242",
		"uuid":                  "550e8400-e29b-41d4-a716-446655440000",
		"new id":                NewID(),
		"rfc3339 nanos":         "2025-01-02T03:04:05.123456789Z",
		"unix seconds":          "1735689600 1735689601",
		"key prefix in a hint":  "set STRIPE_API_KEY to an sk_test_... key",
		"publishable key":       "pk_test_51AbCdEfGhIjKlMnOp",
		"dashed card is no run": "4242-4242-4242-4242",
	} {
		if err := CheckSecrets([]byte(text)); err != nil {
			t.Errorf("%s: %q refused: %v", name, text, err)
		}
	}
}

// FuzzCheckSecrets: whatever the data, a refusal is a *SecretError whose
// text holds no run of digits longer than a card's last 4.
func FuzzCheckSecrets(f *testing.F) {
	for _, seed := range []string{"4242424242424242", "x 4000 0566 5566 5556 y", "sk_" + "live_abcdefgh", "", "1 2 3 4 5 6 7 8 9 0 1 2 3"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := CheckSecrets(data)
		if err == nil {
			return
		}
		var se *SecretError
		if !errors.As(err, &se) {
			t.Fatalf("not a *SecretError: %v", err)
		}
		if off, _ := model.FindCardNumber([]byte(err.Error()), model.ScanTyped); off >= 0 {
			t.Fatalf("the refusal repeats a card number: %v", err)
		}
	})
}
