package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestMaskSecrets(t *testing.T) {
	for in, want := range map[string]string{
		"Jenny Rosen":                                 "Jenny Rosen",
		"name 4000056655665556":                       "name ••••5556",
		"4000.0566.5566.5556":                         "••••5556",
		"4000_0566_5566_5556 and 4000-0566-5566-5556": "••••5556 and ••••5556",
		`invalid argument "4000 0566 5566 5556"`:      `invalid argument "••••5556"`,
		"open 40000566556655561.hcl":                  "open 40000566556655561.hcl", // 17 digits: no Visa
		"open 4000056655665556.hcl":                   "open ••••5556.hcl",
		"tok_4000056655665556":                        "tok_••••5556",
		"4242424242424242 is Stripe's test Visa":      "••••4242 is Stripe's test Visa",
		"key sk_test_51AbCdEf, sk_live_x":             "key sk_test_…, sk_live_…",
		"rk_test_abc/rk_" + "live_abc":                "rk_test_…/rk_live_…",
		"an sk_test_... key, risk_test_plan":          "an sk_test_... key, risk_test_plan",
		"pk_test_51AbCdEf is public":                  "pk_test_51AbCdEf is public",
		"ID: 3f2a1b4c-1234-5678-9012-345678901234":    "ID: 3f2a1b4c-1234-5678-9012-345678901234",
		"created 1735689600, amount 99999999":         "created 1735689600, amount 99999999",
		// stripe-go's default Idempotency-Key is a nanosecond time (19
		// digits starting with 1: no brand) and 6 characters; a key that
		// is a card number is masked.
		`"idempotency_key": "1796471154390440005_vP0_WQ"`: `"idempotency_key": "1796471154390440005_vP0_WQ"`,
		"1796471154390440005_3P0-WQ":                      "1796471154390440005_3P0-WQ",
		"4000056655665556_vP0_WQ":                         "••••5556_vP0_WQ",
		"4000000000000000006_vP0_WQ":                      "••••0006_vP0_WQ",
		"1796471154390440005_vP0_WQx":                     "1796471154390440005_vP0_WQx",
	} {
		if got := MaskSecrets(in); got != want {
			t.Errorf("MaskSecrets(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzMaskSecrets: what MaskSecrets returns holds no secret its detectors
// find, masking twice changes nothing,
// and text without a secret comes back as it was.
func FuzzMaskSecrets(f *testing.F) {
	for _, s := range []string{"", "Jenny Rosen", "4000 0566 5566 5556", "x4000.0566.5566.5556y", "4000_0566_5566_5556",
		"sk_test_abcdefgh", "a sk_" + "live_1 b rk_test_2", "4242424242424242", "1234567890123456789012345",
		"3f2a1b4c-1234-5678-9012-345678901234", "\x1b]52;c;4000056655665556\a", "1796471154390440005_vP0_WQ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := MaskSecrets(in)
		text := []byte(out)
		if r, ok := ScanTyped.next(text, 0); ok {
			t.Fatalf("MaskSecrets(%q) = %q: card number ending %s left at %d", in, out, r.last4, r.start)
		}
		if start, _, _ := FindSecretKey(text, 1); start >= 0 {
			t.Fatalf("MaskSecrets(%q) = %q: key left at %d", in, out, start)
		}
		if again := MaskSecrets(out); again != out {
			t.Fatalf("masking %q twice: %q then %q", in, out, again)
		}
		if _, found := ScanTyped.next([]byte(in), 0); !found && !strings.Contains(in, "_test_") && !strings.Contains(in, "_live_") && out != in {
			t.Fatalf("MaskSecrets(%q) = %q changed text without a secret", in, out)
		}
	})
}

// FuzzMaskSecretsEmbedded: a card number, written
// with any of the joiners people type, never survives MaskSecrets,
// whatever text surrounds it.
func FuzzMaskSecretsEmbedded(f *testing.F) {
	f.Add("name ", " end", uint64(400005665566555), byte(' '))
	f.Add("", "", uint64(1), byte('.'))
	f.Add("x", "7", uint64(37828224631000), byte('_'))
	f.Add("12", "-34", uint64(55555555555544), byte('-'))
	f.Fuzz(func(t *testing.T, before, after string, seed uint64, joiner byte) {
		// A Visa number: a card number's length must be its brand's.
		number := luhnComplete(fmt.Sprintf("4%014d", seed%100_000_000_000_000))
		if before != "" && isDigit(before[len(before)-1]) || after != "" && isDigit(after[0]) {
			return // part of a longer run of digits: no card number
		}
		typed := number
		if strings.IndexByte(" -._", joiner) >= 0 {
			typed = GroupCard(number)
			typed = strings.ReplaceAll(typed, " ", string(joiner))
		}
		in := before + typed + after
		out := MaskSecrets(in)
		if strings.Contains(out, typed) {
			t.Fatalf("MaskSecrets(%q) = %q keeps %s", in, out, typed)
		}
	})
}

// luhnComplete appends the check digit that makes digits pass Luhn.
func luhnComplete(digits string) string {
	for d := '0'; d <= '9'; d++ {
		if Luhn(digits + string(d)) {
			return digits + string(d)
		}
	}
	panic("no check digit")
}
