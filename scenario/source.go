package scenario

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// HCL's parser and evaluator recurse once per level of nesting (a bracket,
// a brace, a quote, an interpolation) and once per operator of an
// expression, and Go's stack overflow is fatal, not an error: a file of
// 100,000 nested brackets took the process to 1.1 GB and killed it. So the
// source is lexed first (the lexer does not recurse) and refused, with a
// diagnostic, when it is larger, deeper or more complex than any scenario
// needs: its values are plain strings and numbers in blocks two deep.
const (
	// MaxSourceBytes bounds a scenario file: 1,000 token blocks take
	// about 100 KiB.
	MaxSourceBytes = 1 << 20
	// maxNesting bounds how deep brackets, braces, quotes, heredocs and
	// template interpolations nest: token { card { name = "${x}" } } is 4.
	maxNesting = 32
	// maxOperators bounds the operators and brackets in one attribute's
	// value.
	maxOperators = 256
)

// lexSource lexes a scenario's source and checks it against the bounds
// above. The tokens serve maskSource too.
func lexSource(filename string, src []byte) (hclsyntax.Tokens, hcl.Diagnostics) {
	if len(src) > MaxSourceBytes {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Scenario file too large",
			// The file is read up to one byte past the bound: its size is
			// known only to be more.
			Detail: fmt.Sprintf("%s is larger than %d bytes (1 MiB), the most a scenario file may be, which holds thousands of token blocks.", filename, MaxSourceBytes),
		}}
	}
	toks, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	depth, attrDepth, ops := 0, -1, 0
	for i, t := range toks {
		switch d := nesting(t.Type); {
		case d > 0:
			if depth++; depth > maxNesting {
				return toks, hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Nesting too deep",
					Detail: fmt.Sprintf("Brackets, braces, quotes and interpolations nest more than %d deep here; "+
						"a scenario needs a handful (token { card { name = \"...\" } } is three). Nothing was read.", maxNesting),
					Subject: t.Range.Ptr(),
				}}
			}
		case d < 0:
			depth = max(depth-1, 0)
		case attrStart(toks, i) && attrDepth < 0:
			attrDepth, ops = depth, 0
			continue
		case t.Type == hclsyntax.TokenNewline:
			if depth <= attrDepth {
				attrDepth = -1
			}
			continue
		}
		if attrDepth >= 0 && operator(t.Type) {
			if ops++; ops > maxOperators {
				return toks, hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Value too complex",
					Detail: fmt.Sprintf("This value holds more than %d operators and brackets; "+
						"a scenario's values are plain strings and numbers. Nothing was read.", maxOperators),
					Subject: t.Range.Ptr(),
				}}
			}
		}
	}
	return toks, nil
}

// nesting is +1 for a token that opens a level of nesting, -1 for one
// that closes it, else 0.
func nesting(t hclsyntax.TokenType) int {
	switch t {
	case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote,
		hclsyntax.TokenOHeredoc, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
		return 1
	case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
		hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
		return -1
	}
	return 0
}

// attrStart reports whether toks[i] is the "=" of an attribute ("name =").
func attrStart(toks hclsyntax.Tokens, i int) bool {
	return toks[i].Type == hclsyntax.TokenEqual && i > 0 && toks[i-1].Type == hclsyntax.TokenIdent
}

// operator: a token each of which the parser or the evaluator may recurse
// on.
func operator(t hclsyntax.TokenType) bool {
	switch t {
	case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
		hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl,
		hclsyntax.TokenStar, hclsyntax.TokenSlash, hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenPercent,
		hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq,
		hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr, hclsyntax.TokenBang,
		hclsyntax.TokenDot, hclsyntax.TokenEllipsis, hclsyntax.TokenQuestion, hclsyntax.TokenColon, hclsyntax.TokenFatArrow:
		return true
	}
	return false
}
