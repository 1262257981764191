package model

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzValidateNumber: whatever is typed, the check never panics, a number
// it accepts is all digits, of a length its brand allows and Luhn-valid,
// and no message repeats a number long enough to be a card's.
func FuzzValidateNumber(f *testing.F) {
	for _, c := range Cards {
		f.Add(c.Number, false)
	}
	for _, s := range []string{"", "4242 4242 4242 4242", "4111111111111111", "4242-4242-4242-424x", "0000000000000", "９９", "1234567890123456789012", "4\x00242"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, in string, allowAny bool) {
		fe := ValidateNumber(in, allowAny)
		d := Digits(in)
		if fe == nil {
			if !isDigits(d) || !Luhn(d) || lengthProblem(d) != "" {
				t.Fatalf("accepted %q: digits %v, Luhn %v, length %q", in, isDigits(d), Luhn(d), lengthProblem(d))
			}
			if _, ok := CardByNumber(d); !ok && !allowAny {
				t.Fatalf("accepted %q which is not a test card without allowAny", in)
			}
			return
		}
		if fe.Param != ParamNumber || fe.Code == "" || fe.Type == "" {
			t.Fatalf("incomplete error for %q: %#v", in, fe)
		}
		if len(d) >= 13 && strings.Contains(fe.Error(), d) {
			t.Fatalf("message repeats the number: %q", fe.Error())
		}
		if len(strings.TrimSpace(in)) >= 13 && strings.Contains(fe.Error(), strings.TrimSpace(in)) {
			t.Fatalf("message repeats the input: %q", fe.Error())
		}
	})
}

// FuzzParseExpiry: never panics; what it accepts is a real month and a
// four-digit year that survive a round trip through "MM/YYYY".
func FuzzParseExpiry(f *testing.F) {
	for _, s := range []string{"12/34", "12/2034", "1/30", " 03 / 2031 ", "", "13/34", "00/00", "12/", "/", "//", "1/2/3", "٣/٣٤", "12/-1", "+1/+34"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		m, y, fe := ParseExpiry(in)
		if fe != nil {
			if fe.Param != ParamExpMonth && fe.Param != ParamExpYear {
				t.Fatalf("%q: error on param %q", in, fe.Param)
			}
			if m != 0 || y != 0 {
				t.Fatalf("%q: error with a value %d/%d", in, m, y)
			}
			return
		}
		if m < 1 || m > 12 || y < 0 || y > 9999 {
			t.Fatalf("%q accepted as %d/%d", in, m, y)
		}
		m2, y2, fe2 := ParseExpiry(fmt.Sprintf("%02d/%04d", m, y))
		if fe2 != nil || m2 != m || y2 != y {
			t.Fatalf("%q: %d/%d does not round-trip (%d/%d, %v)", in, m, y, m2, y2, fe2)
		}
	})
}

// FuzzValidateRouting: never panics; what it accepts is nine digits with a
// valid ABA checksum, and every refusal is on the routing number param.
func FuzzValidateRouting(f *testing.F) {
	for _, s := range []string{TestRouting, "021000021", "110000001", "", "12345678", "1234567890", "11000000a", "１１0000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		fe := ValidateRouting(in)
		if fe == nil {
			if len(in) != 9 || !isDigits(in) {
				t.Fatalf("accepted %q", in)
			}
			sum := 0
			for i, w := range []int{3, 7, 1, 3, 7, 1, 3, 7, 1} {
				sum += int(in[i]-'0') * w
			}
			if sum%10 != 0 {
				t.Fatalf("accepted %q with checksum %d", in, sum)
			}
			return
		}
		if fe.Param != ParamRouting || fe.Type != TypeInvalidRequest {
			t.Fatalf("%q: %#v", in, fe)
		}
	})
}
