package model

import (
	"bytes"
	"strings"
)

// The one masking rule: what tokenscope prints (the CLI's every line, the
// emulator's error messages, a scenario's diagnostics) passes through
// MaskSecrets, which finds secrets with the same detectors the form and
// the disk guard refuse them with (FindCardNumber, FindSecretKey).

// secretKeyPrefixes are Stripe's secret and restricted key prefixes.
// Publishable keys (pk_) are public by design and are not secrets.
var secretKeyPrefixes = []string{"sk_test_", "sk_live_", "rk_test_", "rk_live_"}

// FindSecretKey finds a Stripe secret or restricted key in data: one of
// their prefixes, not glued to a letter or digit before it, followed by at
// least minChars key characters. It returns where the key starts and ends
// and its prefix, or -1, -1 and "". A text that mentions "sk_test_..."
// holds no key characters after the prefix.
func FindSecretKey(data []byte, minChars int) (start, end int, prefix string) {
	start, end = -1, -1
	for _, p := range secretKeyPrefixes {
		for from := 0; ; {
			i := bytes.Index(data[from:], []byte(p))
			if i < 0 {
				break
			}
			i += from
			n := i + len(p)
			for n < len(data) && isAlnum(data[n]) {
				n++
			}
			if n-i-len(p) >= max(minChars, 1) && (i == 0 || !isAlnum(data[i-1])) {
				if start < 0 || i < start {
					start, end, prefix = i, n, p
				}
				break
			}
			from = i + len(p)
		}
	}
	return start, end, prefix
}

// MaskSecrets returns s with every secret in it masked: a card number
// (found as ScanTyped finds one: solid or grouped, glued to a name)
// becomes "••••" and its last 4, a secret key its
// prefix and "…" ("sk_test_…"). Stripe's test card numbers are masked
// too: whoever reads the output cannot tell a test card from a real one,
// and a test number where no number belongs (a file name, a duration) is
// a sign that a real one could land there as well. Text with no secret
// comes back unchanged.
func MaskSecrets(s string) string { return maskSecrets(s, false) }

// MaskSecretsKeepTestCards is MaskSecrets for text that must name Stripe's
// published test cards (a report's curl lines, which reproduce a request
// only with the number itself): a run that is exactly a catalog card's
// number stays, every other card number and every key is masked.
func MaskSecretsKeepTestCards(s string) string { return maskSecrets(s, true) }

func maskSecrets(s string, keepTestCards bool) string {
	var b strings.Builder
	text := []byte(s)
	done := 0
	for from := 0; from < len(text); {
		r, ok := ScanTyped.next(text, from)
		if !ok {
			break
		}
		from = r.end
		if _, test := CardByNumber(r.digits); keepTestCards && test {
			continue
		}
		b.WriteString(maskKeys(s[done:r.start]))
		b.WriteString("••••" + lastDigits(s[r.start:r.end], 4))
		done = r.end
	}
	if done == 0 {
		return maskKeys(s)
	}
	b.WriteString(maskKeys(s[done:]))
	return b.String()
}

// maskKeys masks the secret keys in s.
func maskKeys(s string) string {
	var b strings.Builder
	for {
		start, end, prefix := FindSecretKey([]byte(s), 1)
		if start < 0 {
			if b.Len() == 0 {
				return s
			}
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:start] + prefix + "…")
		s = s[end:]
	}
}

// lastDigits is the last n digits of s.
func lastDigits(s string, n int) string {
	var out []byte
	for i := len(s) - 1; i >= 0 && len(out) < n; i-- {
		if isDigit(s[i]) {
			out = append(out, s[i])
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}
