package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
)

// A 5000-character card name (the tester's) at 120x32: the detail beside
// the list keeps it to three lines ending in "…", so the test card and
// refreshed lines stay in sight; no line is wider than the terminal, and
// no row of the list runs into the border between the panes. enter shows
// the whole detail, in the pager.
func TestDetailKeepsLongValuesInBounds(t *testing.T) {
	long := strings.Repeat("Jenny Rosen ", 420)[:5000]
	card := record(t, strings.Replace(cardJSON, `"name":"Jenny Rosen"`, `"name":"`+long+`"`, 1), 12*1e9)
	card.Preset = "visa"
	a := newApp(t, newSession(t, []model.Record{card, fixtures(t)[1], fixtures(t)[2]}), 120, 32)
	v := a.View()
	for _, want := range []string{"test card", "refreshed", "…"} {
		if !strings.Contains(v, want) {
			t.Errorf("the detail has no %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "Jenny Rosen"); n > 3*8 {
		t.Errorf("the name takes %d lines' worth of the pane", n)
	}
	for _, l := range strings.Split(ansi.Strip(v), "\n") {
		if ansi.StringWidth(l) > 120 {
			t.Errorf("a line of %d cells: %q", ansi.StringWidth(l), l)
		}
		if strings.Contains(l, "││") && !strings.Contains(l, " ││") {
			t.Errorf("a list row runs into the border: %q", l)
		}
	}
	press(t, a, "enter")
	if v := a.View(); !strings.Contains(v, "Jenny Rosen Jenny") || strings.Count(v, "Jenny Rosen") <= 3*8 {
		t.Errorf("enter does not show the whole name in the detail pager:\n%s", v)
	}
}

// A detail taller than the pane says how much more there is and how to
// see it, in its last row.
func TestDetailPreviewSaysWhatIsCut(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 120, 32)
	r := a.list.selected()
	tok, err := a.detail.token(r)
	all := layoutDetail(a.st, r, tok, err, clock, 60, previewValueLines)
	got := detailPreview(a.st, r, tok, err, clock, 60, 5)
	if len(got) != 5 || !strings.Contains(got[4], "more lines · enter shows the whole detail") {
		t.Fatalf("a detail of %d lines in 5 rows: %q", len(all), got)
	}
	if got := detailPreview(a.st, r, tok, err, clock, 60, len(all)); len(got) != len(all) {
		t.Errorf("a detail that fits is cut: %d of %d lines", len(got), len(all))
	}
}
