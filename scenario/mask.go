package scenario

import (
	"bytes"
	"regexp"
)

var (
	// sensitiveAttr finds the values of the attributes that hold a card
	// number, a CVC or an id number, quoted or not.
	sensitiveAttr = regexp.MustCompile(`\b(number|cvc|id_number)(\s*=\s*"?)([0-9][0-9 -]*[0-9]|[0-9])`)
	// longDigits catches a card number typed anywhere else (a name, a comment).
	longDigits = regexp.MustCompile(`[0-9]{12,}`)
)

// maskSource returns a copy of a scenario's source fit for a diagnostic
// snippet: card numbers keep their last four digits, CVCs and id numbers
// none. Masking keeps every byte offset (one ASCII '*' per digit), so the
// ranges of diagnostics still point at the right columns.
func maskSource(src []byte) []byte {
	out := bytes.Clone(src)
	for _, m := range sensitiveAttr.FindAllSubmatchIndex(out, -1) {
		keep := 0
		if string(out[m[2]:m[3]]) == "number" {
			keep = 4
		}
		maskDigits(out[m[6]:m[7]], keep)
	}
	for _, m := range longDigits.FindAllIndex(out, -1) {
		maskDigits(out[m[0]:m[1]], 4)
	}
	return out
}

// maskDigits replaces the digits of b with '*', leaving the last keep.
func maskDigits(b []byte, keep int) {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '0' || b[i] > '9' {
			continue
		}
		if keep > 0 {
			keep--
			continue
		}
		b[i] = '*'
	}
}
