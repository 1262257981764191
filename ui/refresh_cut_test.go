package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
)

// A drift line wider than the refresh report's pane is cut with "…" and
// its id kept whole (testui#13): the pager cut it silently at the edge,
// and a fingerprint of 16 characters read as a whole one of 6.
func TestRefreshReportCutsDriftWithEllipsis(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	run := &refreshRun{finished: true, report: model.RefreshReport{Total: 2, Drifts: []model.Drift{
		{ID: "tok_visa", Field: "card.fingerprint", From: "6E5OwEE4CzsB5exl", To: "ud3U08dsV3ymbNp1"},
		{ID: "tok_1QxYa1BcDeFgHiJkLmNoPqRs", Field: "used", From: "false", To: "true"},
	}}}
	const width = 60
	text := ansi.Strip(a.reportText(run, width))
	for _, l := range strings.Split(text, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("a line of %d cells, wider than %d: %q", w, width, l)
		}
	}
	if !strings.Contains(text, "~ tok_visa                       card.fingerprint: 6E5OwE…\n") {
		t.Errorf("the fingerprint's drift is not cut with …, its id whole:\n%s", text)
	}
	if !strings.Contains(text, "tok_1QxYa1BcDeFgHiJkLmNoPqRs   used: false -> true") {
		t.Errorf("a line that fits is changed:\n%s", text)
	}
}
