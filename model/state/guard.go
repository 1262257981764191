package state

import (
	"bytes"
	"fmt"
)

// The guard is the last check before state.json is written. The state only
// ever holds what Stripe returns (a Token object carries last4, never the
// number) and local facts, so nothing secret should reach it; but a bug that
// stores a request body, a form value or an error text would put a card
// number or a key into a file that lives on for years, is copied by backups
// and is read by `state pull`. Refusing the write turns that bug into a loud
// error instead of a silent leak.

// secretKeyPrefixes are Stripe's secret and restricted key prefixes.
// Publishable keys (pk_) are public by design and are not refused.
var secretKeyPrefixes = []string{"sk_test_", "sk_live_", "rk_test_", "rk_live_"}

// minKeyChars is how many key characters must follow a prefix for it to be
// a key: real keys have dozens, while a text that mentions "sk_test_..." or
// a placeholder such as sk_test_xxx must stay writable.
const minKeyChars = 8

// checkSecrets reports a card number or an API secret key in data. The
// error names the kind of secret and where it is, never the secret itself.
func checkSecrets(data []byte) error {
	if off, last4 := findCardNumber(data); off >= 0 {
		return fmt.Errorf("refusing to write the state: it holds what looks like a card number (ending %s) at byte %d; card numbers must never be written to disk", last4, off)
	}
	if off, prefix := findSecretKey(data); off >= 0 {
		return fmt.Errorf("refusing to write the state: it holds what looks like a Stripe secret key (%s…) at byte %d; keys must never be written to disk", prefix, off)
	}
	return nil
}

// findCardNumber finds a run of 13 to 19 digits that passes the Luhn check,
// written either solid or in groups split by single spaces
// ("4242 4242 4242 4242"). Dashes do not join groups: a UUID's last two
// groups ("a716-446655440000") would then look like 15 digits. RFC 3339
// times and Unix seconds have no run that long; Stripe ids have few digits.
// It returns the offset of the run and its last 4 digits, or -1.
func findCardNumber(data []byte) (int, string) {
	var buf [19]byte
	for i := 0; i < len(data); i++ {
		if !isDigit(data[i]) {
			continue
		}
		start, n := i, 0
		for ; i < len(data); i++ {
			c := data[i]
			if c == ' ' && i+1 < len(data) && isDigit(data[i+1]) {
				continue
			}
			if !isDigit(c) {
				break
			}
			if n < len(buf) {
				buf[n] = c
			}
			n++
		}
		if n >= 13 && n <= len(buf) && luhn(buf[:n]) {
			return start, string(buf[n-4 : n])
		}
	}
	return -1, ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// luhn reports whether the digits pass the Luhn checksum card numbers carry.
func luhn(digits []byte) bool {
	sum := 0
	for i := range digits {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// findSecretKey finds a secret or restricted key prefix followed by at
// least minKeyChars key characters. It returns the offset and the prefix.
func findSecretKey(data []byte) (int, string) {
	for _, p := range secretKeyPrefixes {
		for from := 0; ; {
			i := bytes.Index(data[from:], []byte(p))
			if i < 0 {
				break
			}
			i += from
			n := i + len(p)
			for n < len(data) && isKeyChar(data[n]) {
				n++
			}
			if n-i-len(p) >= minKeyChars {
				return i, p
			}
			from = i + len(p)
		}
	}
	return -1, ""
}

// isKeyChar reports whether c can be part of a Stripe key after its prefix.
func isKeyChar(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
