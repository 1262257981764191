package state

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

func TestGuardRefusesCardNumbersAndKeys(t *testing.T) {
	for name, leak := range map[string]string{
		"card number":         "4242424242424242",
		"grouped card number": "4000 0566 5566 5556",
		"amex":                "378282246310005",
		"secret key":          "sk_test_51AbCdEfGhIjKlMnOp",
		"restricted live key": "rk_" + "live_51AbCdEfGhIjKlMnOp",
	} {
		t.Run(name, func(t *testing.T) {
			s := openStore(t, t.TempDir())
			addTokens(t, s, "offline", "tok_a")
			before, _ := os.ReadFile(s.Path())
			_, err := s.Update(context.Background(), "create", func(st *State) error {
				r := cardRecord("tok_b")
				r.Summary = "oops " + leak
				st.Workspace("offline").Upsert(r)
				return nil
			})
			if err == nil {
				t.Fatal("the write was not refused")
			}
			if strings.Contains(err.Error(), leak) {
				t.Errorf("the error repeats the secret: %v", err)
			}
			if after, _ := os.ReadFile(s.Path()); !bytes.Equal(before, after) {
				t.Error("state.json changed")
			}
		})
	}
}

func TestGuardLetsRealStatesThrough(t *testing.T) {
	for name, text := range map[string]string{
		"masked card":           "Visa •••• 4242",
		"luhn-failing number":   "4242424242424241",
		"12 digits":             "000123456789",
		"20 digits":             "42424242424242424242",
		"uuid":                  "550e8400-e29b-41d4-a716-446655440000",
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
	// A whole realistic state, lineage, request ids and times included.
	var st State
	st.Version, st.Serial, st.Lineage = Version, 12, newID()
	for i := 0; i < 200; i++ {
		st.Workspace("offline").Upsert(cardRecord(tokID("real", i)))
	}
	data, err := encode(&st)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckSecrets(data); err != nil {
		t.Fatalf("a real state is refused: %v", err)
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
