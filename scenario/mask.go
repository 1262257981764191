package scenario

import (
	"bytes"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/tokenscope/tokenscope/model"
)

// shownAttrs are the attributes whose values a snippet shows as written:
// those of the schema that hold nothing sensitive (a country, an expiry, a
// holder name, an amount). Every other attribute's digits are masked: the
// sensitive ones (model.Input's Secret and Masked) and the unknown ones,
// which may be anything (`secret_cvc = "4729"`). keepLast4 are those shown
// by their last 4 (a card or account number).
var shownAttrs, keepLast4 = func() (map[string]bool, map[string]bool) {
	shown := map[string]bool{presetAttr: true, "amount": true, "currency": true}
	keep := map[string]bool{}
	for _, k := range model.Creatable() {
		for _, in := range k.Create.Inputs {
			switch {
			case in.Attr == "":
			case in.Masked:
				keep[in.Attr] = true
			case !in.Sensitive():
				shown[in.Attr] = true
			}
		}
	}
	return shown, keep
}()

// maskSource returns a copy of a scenario's source fit for a diagnostic
// snippet: the digits of every value but the shownAttrs' are masked (card
// and account numbers keep their last four), and then whatever
// model.MaskSecrets finds anywhere (a card number in a label, a name, a
// comment) is masked as everything tokenscope prints is. toks are the
// source's tokens (lexSource); masking a value keeps every byte offset (one
// ASCII '*' per digit), and MaskSecrets never joins or splits lines, so
// line numbers still point at the right lines.
func maskSource(src []byte, toks hclsyntax.Tokens) []byte {
	out := bytes.Clone(src)
	attr, depth, attrDepth := "", 0, 0
	for i, t := range toks {
		switch d := nesting(t.Type); {
		case d != 0:
			depth = max(depth+d, 0)
		case attrStart(toks, i):
			attr, attrDepth = string(toks[i-1].Bytes), depth
		case t.Type == hclsyntax.TokenNewline && depth <= attrDepth:
			attr = ""
		case t.Type == hclsyntax.TokenNumberLit || t.Type == hclsyntax.TokenQuotedLit || t.Type == hclsyntax.TokenStringLit:
			if attr != "" && !shownAttrs[attr] {
				keep := 0
				if keepLast4[attr] {
					keep = 4
				}
				maskDigits(out[t.Range.Start.Byte:t.Range.End.Byte], keep)
			}
		}
	}
	return []byte(model.MaskSecrets(string(out)))
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
