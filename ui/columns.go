package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// col is one column of the token list, in the order they are drawn.
type col int

const (
	colID col = iota
	colKind
	colUsed
	colAge
	colFrom // the preset, or the scenario block that made the token
	colSummary
	colUsedBy // what consumed the token: a charge, a customer
	numCols
)

var colTitles = [numCols]string{"ID", "KIND", "USED", "AGE", "FROM", "SUMMARY", "USED BY"}

// giveWay is the order in which columns leave a row too narrow for all of
// them (screens.md: the summary before the age). The preset or scenario
// block goes before the age: a support engineer asks "which token did I
// just make?" more often than "which block made it", and the detail names
// the preset anyway. The id never leaves: it is what a support engineer
// copies. What is left after them is the id and the used status, which
// shrinks to its glyph before the id is cut.
var giveWay = [...]col{colUsedBy, colSummary, colFrom, colAge, colKind}

const (
	selWidth      = 2  // "› "
	usedWidth     = 8  // "○ unused"
	ageWidth      = 3  // "12m", "3d"; views.Age never writes more
	fromMax       = 24 // a longer preset or block name is cut with "…"
	summaryMax    = 24 // "American Express •0005"
	sortMarkWidth = 1
)

// widths are the natural widths of the columns for a set of tokens: the
// widest value of each (0: no token has one, the column is not drawn).
type widths [numCols]int

// measure finds the widest value of each column over tokens. It runs once
// per load, not per frame, so that column edges do not move as rows
// scroll by.
func measure(tokens []model.Record) widths {
	var w widths
	w[colUsed], w[colAge] = usedWidth, ageWidth
	// Summaries repeat ("Visa •••• 4242"): each is measured once.
	seen := map[string]bool{}
	for i := range tokens {
		r := &tokens[i]
		w[colID] = max(w[colID], idCells(r.ID))
		w[colKind] = max(w[colKind], len(r.Type.Short()))
		w[colFrom] = max(w[colFrom], min(len(from(r)), fromMax))
		w[colUsedBy] = max(w[colUsedBy], len(usedBy(r)))
		if !seen[r.Summary] {
			seen[r.Summary] = true
			w[colSummary] = max(w[colSummary], min(ansi.StringWidth(rowSummary(r)), summaryMax))
		}
	}
	return w
}

// include widens w to hold r too (a token a flow just wrote).
func (w *widths) include(r *model.Record) {
	m := measure([]model.Record{*r})
	for c := range w {
		w[c] = max(w[c], m[c])
	}
}

// idCells is the width of an id as a row shows it.
func idCells(id string) int { return ansi.StringWidth(views.Clean(id)) }

// from names where a token came from: the scenario block that made it
// (the name the user gave it, "declined_insufficient"), else the preset.
func from(r *model.Record) string {
	if r.Scenario != "" {
		return r.Scenario[strings.LastIndex(r.Scenario, "/")+1:]
	}
	return r.Preset
}

// usedBy is the id of what consumed the token, "" when nothing recorded
// did.
func usedBy(r *model.Record) string {
	if !r.Used {
		return ""
	}
	if u, _, ok := r.ConsumedBy(); ok {
		return u.ObjectID
	}
	return ""
}

// layout is which columns a row of one width shows, and how wide: computed
// once per frame so every row lines up under the header.
type layout struct {
	width    int
	w        widths // 0: not shown
	usedWord bool   // "○ unused", or the glyph alone
	sorted   col    // the column the list is sorted by, marked in the header
}

// layoutFor fits the columns into width cells: columns give way in
// giveWay's order, then the used status keeps its glyph only, and only
// then is the id cut.
func layoutFor(width int, natural widths, sorted col) layout {
	l := layout{width: max(width, 0), usedWord: true, sorted: sorted}
	for c, w := range natural {
		if w > 0 { // a column no token has a value for is not drawn
			l.w[c] = max(w, len(colTitles[c])+l.mark(col(c)))
		}
	}
	titled := l.w
	// Take out every column that may give way, then put them back, the
	// last to give way first, each that still fits: a wide column that
	// does not fit leaves room for narrower ones after it.
	for _, c := range giveWay {
		l.w[c] = 0
	}
	for i := len(giveWay) - 1; i >= 0; i-- {
		c := giveWay[i]
		l.w[c] = titled[c]
		if l.total() > l.width {
			l.w[c] = 0
		}
	}
	if l.total() > l.width {
		l.w[colUsed], l.usedWord = 1, false
	}
	if over := l.total() - l.width; over > 0 {
		l.w[colID] = max(l.w[colID]-over, 1)
	}
	return l
}

// mark is the width the sort marker adds to column c's title.
func (l layout) mark(c col) int {
	if c == l.sorted {
		return sortMarkWidth
	}
	return 0
}

// total is the width of a full row: the selection, the columns and one
// space between each two.
func (l layout) total() int {
	n, cols := selWidth, 0
	for _, w := range l.w {
		if w > 0 {
			n += w
			cols++
		}
	}
	return n + max(cols-1, 0)
}

// cells lays out one row's values, each cut or padded to its column, the
// last one neither padded nor followed by spaces (rows are not padded, so
// that moving the selection rewrites short lines).
func (l layout) cells(values *[numCols]string, styled *[numCols]string) string {
	var b strings.Builder
	b.Grow(l.width + 16)
	pending := 0 // spaces owed before the next value that is not empty
	first := true
	for c := col(0); c < numCols; c++ {
		w := l.w[c]
		if w == 0 {
			continue
		}
		if !first {
			pending++
		}
		first = false
		v := values[c]
		if v == "" {
			pending += w
			continue
		}
		cellW := ansi.StringWidth(v)
		if cellW > w {
			v, cellW = ansi.Truncate(v, w, "…"), w
		} else if styled != nil && styled[c] != "" {
			v = styled[c]
		}
		if c == colAge { // numbers align right
			pending += w - cellW
			cellW = w
		}
		b.WriteString(strings.Repeat(" ", pending))
		b.WriteString(v)
		pending = w - cellW
	}
	return b.String()
}

// values are the cells of r's row, cleaned of control characters (they
// come from the API or the state file).
func (l layout) values(r *model.Record, ageOf func(*model.Record) string) [numCols]string {
	var v [numCols]string
	v[colID] = views.Clean(r.ID)
	if l.w[colKind] > 0 {
		v[colKind] = views.Clean(r.Type.Short())
	}
	if l.w[colAge] > 0 {
		v[colAge] = ageOf(r)
	}
	if l.w[colFrom] > 0 {
		v[colFrom] = views.Clean(from(r))
	}
	if l.w[colSummary] > 0 {
		v[colSummary] = rowSummary(r)
	}
	if l.w[colUsedBy] > 0 {
		v[colUsedBy] = views.Clean(usedBy(r))
	}
	return v
}

// header is the row of column titles, the sorted one marked with mark
// (sortKey.mark). How the list is sorted is said in the screen's header
// (App.header), not after the titles, where it read as a column's title.
func (l layout) header(mark string) string {
	var titles [numCols]string
	for c := range titles {
		titles[c] = colTitles[c]
		if col(c) == l.sorted {
			titles[c] += mark
		}
	}
	if !l.usedWord {
		titles[colUsed] = "U"
	}
	return ansi.Truncate(strings.Repeat(" ", selWidth)+l.cells(&titles, nil), l.width, "")
}
