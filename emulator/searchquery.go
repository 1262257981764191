package emulator

import (
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// Stripe's search query language (docs.stripe.com/search): clauses
// field:value, metadata["key"]:"value", joined by spaces or AND (all
// must hold) or by OR (one must), never both in one query; a leading "-"
// negates a clause; ":" matches exactly, "~" a substring, and > >= < <=
// compare numbers; a value is quoted ("x" or 'x', \ escaping a quote)
// unless it is a number, a boolean or null (the field has no value). This
// file reads a query into clauses; search.go checks them against the
// fields each object has and matches objects.

// maxSearchClauses is how many clauses Stripe takes in one query.
const maxSearchClauses = 10

// searchClause is one clause: [-]field op value.
type searchClause struct {
	negated bool
	field   string // "email", "payment_method_details.card.last4", "metadata"
	key     string // the key of metadata["key"]
	op      string // ":", "~", ">", ">=", "<" or "<="
	value   string // unquoted, escapes undone
	null    bool   // the value is a bare null
}

// searchQuery is a parsed query: its clauses, any one of which is enough
// when they are joined by OR.
type searchQuery struct {
	clauses []searchClause
	or      bool
}

// queryParseMessage is Stripe's refusal of a query it cannot read, as
// stripe-ruby-mock's tests against Stripe quote it. The emulator says
// what it could not read after its first sentence.
const (
	queryParseMessage = "We were unable to parse your search query."
	queryFormatHint   = " Try using the format `metadata[\"key\"]:\"value\"` to query for metadata or key:\"value\" to query for other fields."
)

func queryError(detail string) *model.Error {
	if detail == "" {
		detail = queryFormatHint
	}
	return invalid("", "query", queryParseMessage+detail)
}

// parseSearchQuery reads a query (at most 5000 characters: readParams
// refuses longer values) into its clauses.
func parseSearchQuery(s string) (searchQuery, *model.Error) {
	var q searchQuery
	sc := &queryScanner{s: s}
	joiner := "" // "AND" or "OR", once two clauses are joined
	for {
		sc.skipSpace()
		if sc.done() {
			break
		}
		if len(q.clauses) > 0 {
			word := sc.keyword()
			if word != "" {
				sc.skipSpace()
				if sc.done() {
					return q, queryError(" The query ends with " + word + ", which must join two clauses.")
				}
			} else {
				word = "AND" // a space joins as AND does
			}
			if joiner != "" && joiner != word {
				return q, queryError(" AND and OR cannot both join clauses in one query.")
			}
			joiner = word
		}
		cl, aerr := sc.clause()
		if aerr != nil {
			return q, aerr
		}
		if q.clauses = append(q.clauses, cl); len(q.clauses) > maxSearchClauses {
			return q, queryError(" A query takes at most 10 clauses.")
		}
	}
	if len(q.clauses) == 0 {
		return q, missingParam("query")
	}
	q.or = joiner == "OR"
	return q, nil
}

// queryScanner reads a query from left to right; the characters it looks
// for are ASCII, so it walks bytes and leaves UTF-8 in values whole.
type queryScanner struct {
	s   string
	pos int
}

func (sc *queryScanner) done() bool { return sc.pos >= len(sc.s) }

func isQuerySpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func (sc *queryScanner) skipSpace() {
	for !sc.done() && isQuerySpace(sc.s[sc.pos]) {
		sc.pos++
	}
}

// keyword reads AND or OR, in any case, when a space or the end follows
// it ("order" and "or:1" are fields), and returns it upper-cased ("" for
// none).
func (sc *queryScanner) keyword() string {
	for _, w := range []string{"AND", "OR"} {
		end := sc.pos + len(w)
		if end <= len(sc.s) && strings.EqualFold(sc.s[sc.pos:end], w) && (end == len(sc.s) || isQuerySpace(sc.s[end])) {
			sc.pos = end
			return w
		}
	}
	return ""
}

func (sc *queryScanner) clause() (searchClause, *model.Error) {
	var cl searchClause
	if sc.s[sc.pos] == '-' {
		cl.negated = true
		sc.pos++
	}
	if aerr := sc.field(&cl); aerr != nil {
		return cl, aerr
	}
	for _, op := range []string{">=", "<=", ":", "~", ">", "<"} {
		if strings.HasPrefix(sc.s[sc.pos:], op) {
			cl.op = op
			sc.pos += len(op)
			break
		}
	}
	if cl.op == "" {
		return cl, queryError("")
	}
	if aerr := sc.value(&cl); aerr != nil {
		return cl, aerr
	}
	if !sc.done() && !isQuerySpace(sc.s[sc.pos]) {
		return cl, queryError(" Clauses are separated by spaces.")
	}
	return cl, nil
}

// field reads a dotted field name or metadata["key"].
func (sc *queryScanner) field(cl *searchClause) *model.Error {
	start := sc.pos
	for !sc.done() && isFieldByte(sc.s[sc.pos]) {
		sc.pos++
	}
	cl.field = sc.s[start:sc.pos]
	if cl.field == "" {
		return queryError("")
	}
	if sc.done() || sc.s[sc.pos] != '[' {
		return nil
	}
	if cl.field != "metadata" {
		return queryError("")
	}
	sc.pos++
	key, ok := sc.quoted()
	if !ok || key == "" || sc.done() || sc.s[sc.pos] != ']' {
		return queryError("")
	}
	sc.pos++
	cl.key = key
	return nil
}

func isFieldByte(b byte) bool {
	return b == '_' || b == '.' || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || ('0' <= b && b <= '9')
}

// value reads a quoted value, or a bare one: a number, true, false or
// null. Stripe wants any other string quoted.
func (sc *queryScanner) value(cl *searchClause) *model.Error {
	if !sc.done() && (sc.s[sc.pos] == '"' || sc.s[sc.pos] == '\'') {
		v, ok := sc.quoted()
		if !ok {
			return queryError(" A quoted value is not closed.")
		}
		cl.value = v
		return nil
	}
	start := sc.pos
	for !sc.done() && !isQuerySpace(sc.s[sc.pos]) {
		sc.pos++
	}
	cl.value = sc.s[start:sc.pos]
	switch {
	case cl.value == "":
		return queryError("")
	case strings.EqualFold(cl.value, "null"):
		cl.null = true
	case !isBareValue(cl.value):
		return queryError(" A string value is quoted: " + cl.field + cl.op + "\"value\".")
	}
	return nil
}

// isBareValue reports whether v may go unquoted: a number or a boolean.
func isBareValue(v string) bool {
	if strings.EqualFold(v, "true") || strings.EqualFold(v, "false") {
		return true
	}
	digits := false
	for i := 0; i < len(v); i++ {
		switch b := v[i]; {
		case '0' <= b && b <= '9':
			digits = true
		case b == '.', b == '-' && i == 0:
		default:
			return false
		}
	}
	return digits
}

// quoted reads a string in the quote it starts with, a backslash taking
// the next character as it is.
func (sc *queryScanner) quoted() (string, bool) {
	if sc.done() || (sc.s[sc.pos] != '"' && sc.s[sc.pos] != '\'') {
		return "", false
	}
	quote := sc.s[sc.pos]
	var b strings.Builder
	for i := sc.pos + 1; i < len(sc.s); i++ {
		switch c := sc.s[i]; {
		case c == '\\' && i+1 < len(sc.s):
			i++
			b.WriteByte(sc.s[i])
		case c == quote:
			sc.pos = i + 1
			return b.String(), true
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}
