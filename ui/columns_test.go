package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/ui/common"
)

// TestColumnsGiveWay: every id stays whole while the row is wider than
// the id, the glyph and the selection; the other columns give way first,
// the used-by first, the preset last.
func TestColumnsGiveWay(t *testing.T) {
	recs := fixtures(t)
	nat := measure(recs)
	rs := newRowStyle(common.NewStyles(asciiRenderer()))
	for _, c := range []struct {
		width int
		want  []col
	}{
		{140, []col{colID, colKind, colUsed, colAge, colFrom, colSummary, colUsedBy}},
		{80, []col{colID, colKind, colUsed, colAge, colFrom, colSummary}},
		{70, []col{colID, colKind, colUsed, colAge, colFrom}},
		{60, []col{colID, colKind, colUsed, colAge}}, // the age stays, the preset goes
		{50, []col{colID, colKind, colUsed, colAge}},
		{40, []col{colID, colUsed}},
		{33, []col{colID, colUsed}}, // the used glyph alone
	} {
		l := layoutFor(c.width, nat, colAge)
		var got []col
		for cl, w := range l.w {
			if w > 0 {
				got = append(got, col(cl))
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("at %d: columns %v, want %v", c.width, got, c.want)
		}
		for i := range recs {
			row := ansi.Strip(renderRow(rs, &recs[i], i == 0, l, clock))
			if !strings.Contains(row, recs[i].ID+" ") && !strings.HasSuffix(row, recs[i].ID) {
				t.Errorf("at %d: id %s cut: %q", c.width, recs[i].ID, row)
			}
			if ansi.StringWidth(row) > c.width {
				t.Errorf("at %d: row of %d cells: %q", c.width, ansi.StringWidth(row), row)
			}
		}
	}
	if l := layoutFor(20, nat, colAge); l.w[colID] >= nat[colID] {
		t.Errorf("at 20 the id is not cut: %+v", l)
	}
}

// TestSortCycles: o goes newest, oldest, id, kind, used and round again,
// says so in the column titles, and keeps the selected token selected.
func TestSortCycles(t *testing.T) {
	recs := fixtures(t) // visa (newest), declined (used), bank (oldest)
	a := newApp(t, newSession(t, recs), 80, 24)
	press(t, a, "j") // the declined card
	want := []struct {
		name  string
		first string
	}{
		{"oldest first", recs[2].ID},
		{"by id", recs[2].ID}, // btok_ before tok_
		{"by kind", recs[2].ID},
		{"used first", recs[1].ID},
		{"newest first", recs[0].ID},
	}
	for _, w := range want {
		press(t, a, "o")
		if a.list.sort.String() != w.name {
			t.Fatalf("sort %q, want %q", a.list.sort, w.name)
		}
		if got := a.list.at(0).ID; got != w.first {
			t.Errorf("%s: first row %s, want %s", w.name, got, w.first)
		}
		if a.list.selectedID() != recs[1].ID {
			t.Errorf("%s: the selection moved to %s", w.name, a.list.selectedID())
		}
		lines := strings.Split(a.View(), "\n")
		if !strings.Contains(lines[1], a.list.sort.mark()) {
			t.Errorf("%s: the sorted column is not marked:\n%s", w.name, strings.Join(lines, "\n"))
		}
		// Not after the column titles, where it read as a column's title.
		if strings.Contains(lines[1], w.name) {
			t.Errorf("%s: said among the column titles: %q", w.name, lines[1])
		}
	}
}

// TestFromColumn: a token a scenario made shows its block's name, others
// their preset; the filter finds the scenario and the charge.
func TestFromColumn(t *testing.T) {
	recs := fixtures(t)
	recs[2].Scenario = "pack:banks/bank_ok"
	if got := from(&recs[2]); got != "bank_ok" {
		t.Errorf("from = %q", got)
	}
	if got := from(&recs[1]); got != "insufficient_funds" {
		t.Errorf("from = %q", got)
	}
	a := newApp(t, newSession(t, recs), 80, 24)
	for q, want := range map[string]string{"pack:banks": recs[2].ID, "ch_3qxy": recs[1].ID} {
		a.list.setFilter(q)
		if a.list.len() != 1 || a.list.at(0).ID != want {
			t.Errorf("filter %q: %d rows", q, a.list.len())
		}
	}
}

// The screen's header says how the list is sorted where there is room,
// the first thing there to give way; oldest first is marked ▴ on AGE,
// newest first ▾, so the column titles tell them apart at 80 columns too.
func TestSortInTheHeaderLine(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 120, 30)
	press(t, a, "o")
	if h := a.header(); !strings.Contains(h, "3 tokens · 1 used · oldest first · ? help") {
		t.Errorf("the header does not say how the list is sorted: %q", h)
	}
	a.setSize(80, 24)
	if h := a.header(); !strings.Contains(h, "3 tokens · 1 used · ? help") {
		t.Errorf("the sort does not give way in the header at 80 columns: %q", h)
	}
	if titles := strings.Split(a.View(), "\n")[1]; !strings.Contains(titles, "AGE▴") {
		t.Errorf("oldest first is not marked on AGE: %q", titles)
	}
}
