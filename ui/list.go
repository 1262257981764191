package ui

import (
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/tokenscope/tokenscope/model"
)

// tokenList is the scrolling list of the workspace's tokens. It is written
// here rather than taken from bubbles/list because that component renders
// and filters every item on each update (fuzzy ranking, pagination dots,
// status bar), which costs far more than the 2 ms keystroke budget with
// 10,000 tokens, and its chrome changes lines on every move, which breaks
// the 300-byte budget for moving one row. This list only ever renders the
// rows on screen and keeps unchanged rows byte-identical.
type tokenList struct {
	tokens []model.Record
	// hay is each token's lower-cased search text, built at the first
	// filter after a load (not at start-up: the first frame has a budget)
	// so that each keystroke of a filter is a substring scan, not 10,000
	// ToLower.
	hay   []string
	used  int
	query string
	sort  sortKey
	// order holds indices into tokens in the sort's order; nil means the
	// state's (newest first).
	order []int
	// view holds indices into tokens that pass the filter, in order; nil
	// means all of them.
	view   []int
	cursor int // position in the visible sequence
	// chosen is the token last selected by a move, a flow or a filter
	// kept with enter. A filter that hides it, as it is typed, leaves it
	// chosen: clearing the filter selects it again, so that m, d or u
	// never act on a token the user did not pick.
	chosen string
	offset int // first visible position
	height int
	// widths are the columns' natural widths over all tokens, filtered
	// out or not, so that a filter does not move the columns.
	widths widths
}

// setTokens replaces the tokens and keeps the selection on the token with
// the same id when it is still there.
func (l *tokenList) setTokens(tokens []model.Record) {
	keep := l.keep()
	l.tokens, l.hay = tokens, nil
	l.used = 0
	for i := range tokens {
		if tokens[i].Used {
			l.used++
		}
	}
	l.widths = measure(tokens)
	l.order = orderOf(tokens, l.sort)
	l.applyFilter()
	l.seek(keep)
}

// setSort orders the list by k, keeping the selection on its token.
func (l *tokenList) setSort(k sortKey) {
	keep := l.keep()
	l.sort = k
	l.order = orderOf(l.tokens, k)
	l.applyFilter()
	l.seek(keep)
}

// upsert stores r as the state does (same id replaced in place, new ones
// first) and selects it.
func (l *tokenList) upsert(r model.Record) {
	for i := range l.tokens {
		if l.tokens[i].ID == r.ID {
			if l.tokens[i].Used {
				l.used--
			}
			if r.Used {
				l.used++
			}
			l.tokens[i] = r
			if l.hay != nil {
				l.hay[i] = haystack(&r)
			}
			l.widths.include(&r)
			l.order = orderOf(l.tokens, l.sort) // its status may have moved it
			l.applyFilter()
			l.selectID(r.ID)
			return
		}
	}
	l.setTokens(append([]model.Record{r}, l.tokens...))
	l.selectID(r.ID)
}

// haystack is r's search text, lower-cased as it is written, in one
// allocation: with 10,000 tokens a second string each (join, then lower)
// is a megabyte the TUI's resident memory keeps.
func haystack(r *model.Record) string {
	parts := [...]string{r.ID, string(r.Type), r.Type.Short(), r.Summary, r.Preset, r.Scenario, usedBy(r)}
	n := len(parts) - 1
	for _, p := range parts {
		n += len(p)
	}
	var b strings.Builder
	b.Grow(n)
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, c := range p {
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String()
}

// setFilter keeps the tokens matching every word of q: "used" and "unused"
// match the status, any other word is a substring of id, type, summary
// (brand and last4), preset, scenario or what used the token.
func (l *tokenList) setFilter(q string) {
	keep := l.keep()
	l.query = q
	l.applyFilter()
	l.seek(keep)
}

func (l *tokenList) applyFilter() {
	words := strings.Fields(strings.ToLower(l.query))
	if len(words) == 0 {
		l.view = l.order
		l.clamp()
		return
	}
	if l.hay == nil {
		l.hay = make([]string, len(l.tokens))
		for i := range l.tokens {
			l.hay[i] = haystack(&l.tokens[i])
		}
	}
	l.view = l.view[:0:0]
	for n := range l.tokens {
		i := n
		if l.order != nil {
			i = l.order[n]
		}
		if matches(&l.tokens[i], l.hay[i], words) {
			l.view = append(l.view, i)
		}
	}
	l.clamp()
}

func matches(r *model.Record, hay string, words []string) bool {
	for _, w := range words {
		switch w {
		case "used":
			if !r.Used {
				return false
			}
		case "unused":
			if r.Used {
				return false
			}
		default:
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

// len is the number of visible tokens.
func (l *tokenList) len() int {
	if l.view == nil {
		return len(l.tokens)
	}
	return len(l.view)
}

func (l *tokenList) at(pos int) *model.Record {
	if l.view == nil {
		return &l.tokens[pos]
	}
	return &l.tokens[l.view[pos]]
}

// selected is the token under the cursor, nil when nothing is visible.
func (l *tokenList) selected() *model.Record {
	if l.len() == 0 {
		return nil
	}
	return l.at(l.cursor)
}

func (l *tokenList) selectedID() string {
	if r := l.selected(); r != nil {
		return r.ID
	}
	return ""
}

// find returns the token with this id, filtered out or not.
func (l *tokenList) find(id string) *model.Record {
	if r := l.selected(); r != nil && r.ID == id {
		return r
	}
	for i := range l.tokens {
		if l.tokens[i].ID == id {
			return &l.tokens[i]
		}
	}
	return nil
}

// keep is the token a change of the list keeps selected: the one chosen,
// shown or not, while the workspace still has it.
func (l *tokenList) keep() string {
	if l.chosen != "" && l.find(l.chosen) != nil {
		return l.chosen
	}
	return l.selectedID()
}

// selectID chooses the token with this id.
func (l *tokenList) selectID(id string) {
	l.chosen = id
	l.seek(id)
}

// seek puts the cursor on the token with this id if it is shown.
func (l *tokenList) seek(id string) {
	if id == "" {
		return
	}
	for pos := 0; pos < l.len(); pos++ {
		if l.at(pos).ID == id {
			l.cursor = pos
			l.clamp()
			return
		}
	}
}

// move shifts the cursor by delta rows and scrolls just enough to keep it
// on screen.
func (l *tokenList) move(delta int) {
	l.cursor += delta
	l.clamp()
	l.choose()
}

// choose makes the token under the cursor the chosen one, if there is one.
func (l *tokenList) choose() {
	if id := l.selectedID(); id != "" {
		l.chosen = id
	}
}

func (l *tokenList) setHeight(h int) {
	l.height = max(h, 0)
	l.clamp()
}

func (l *tokenList) clamp() {
	n := l.len()
	l.cursor = min(max(l.cursor, 0), max(n-1, 0))
	if l.height <= 0 {
		l.offset = l.cursor
		return
	}
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+l.height {
		l.offset = l.cursor - l.height + 1
	}
	l.offset = min(max(l.offset, 0), max(n-l.height, 0))
}

// layout fits the list's columns into w cells.
func (l *tokenList) layout(w int) layout { return layoutFor(w, l.widths, l.sort.column()) }

// fullWidth is the width of a row with every column whole.
func (l *tokenList) fullWidth() int {
	return layoutFor(math.MaxInt32, l.widths, l.sort.column()).total()
}

// rows renders the column titles and the visible rows at width w.
func (l *tokenList) rows(rs *rowStyle, w int, now time.Time) []string {
	end := min(l.offset+l.height, l.len())
	out := make([]string, 0, max(end-l.offset, 0)+1)
	lay := l.layout(w)
	out = append(out, rs.st.Label.Render(lay.header(l.sort.mark())))
	for pos := l.offset; pos < end; pos++ {
		out = append(out, renderRow(rs, l.at(pos), pos == l.cursor, lay, now))
	}
	return out
}
