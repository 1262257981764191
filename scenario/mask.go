package scenario

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

var (
	// sensitiveAttr finds the values of the attributes that hold a secret
	// or a masked number (model.Input's Secret and Masked: a card number,
	// a CVC, an id number, an account number), quoted or not.
	sensitiveAttr = regexp.MustCompile(`\b(` + strings.Join(sensitiveAttrs(), "|") + `)(\s*=\s*"?)([0-9][0-9 -]*[0-9]|[0-9])`)
	// longDigits catches a card number typed anywhere else (a name, a comment).
	longDigits = regexp.MustCompile(`[0-9]{12,}`)
)

// sensitiveAttrs are the attributes of every kind's block that a snippet
// masks; keepLast4 those of them shown by their last 4.
func sensitiveAttrs() []string {
	var out []string
	for _, k := range model.Creatable() {
		for _, in := range k.Create.Inputs {
			if in.Attr != "" && (in.Secret || in.Masked) && !slices.Contains(out, in.Attr) {
				out = append(out, in.Attr)
			}
		}
	}
	return out
}

var keepLast4 = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range model.Creatable() {
		for _, in := range k.Create.Inputs {
			if in.Masked {
				m[in.Attr] = true
			}
		}
	}
	return m
}()

// maskSource returns a copy of a scenario's source fit for a diagnostic
// snippet: card and account numbers keep their last four digits, CVCs and
// id numbers none. Masking keeps every byte offset (one ASCII '*' per digit), so the
// ranges of diagnostics still point at the right columns.
func maskSource(src []byte) []byte {
	out := bytes.Clone(src)
	for _, m := range sensitiveAttr.FindAllSubmatchIndex(out, -1) {
		keep := 0
		if keepLast4[string(out[m[2]:m[3]])] {
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
