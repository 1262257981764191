package flow

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// At 80 columns the plan and the apply's step lines wrap at spaces under
// their text instead of being cut: every word of a long line is on screen.
func TestScenarioWrapsLongLinesAt80Columns(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	s := NewScenario(pc).(*Scenario)
	s.Update(s.load("pack:declines")())
	s.SetSize(80, 400) // tall enough to show the whole plan at once
	var b bytes.Buffer
	_ = views.WritePlan(&b, s.plan.Plan)
	wantWords(t, "plan", s.View(), strings.Split(b.String(), "\n"))
	if !hungUnder(s.View(), "(known after apply)", "insufficient_funds)") {
		t.Errorf("the expected outcome is not hung under the value of its line:\n%s", s.View())
	}

	s.step = scApply
	pc.Session.Apply(context.Background(), s.plan, func(e model.ApplyEvent) { s.addEvent(e) })
	s.refreshContent()
	var steps []string
	for _, l := range s.lines {
		steps = append(steps, l.Text)
	}
	wantWords(t, "apply", s.View(), steps)
}

// wantWords checks that no line of view is wider than 80 cells and that
// every word of the long lines shows.
func wantWords(t *testing.T, what, view string, lines []string) {
	t.Helper()
	for _, l := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("%s: a line of %d cells: %q", what, w, l)
		}
	}
	words := strings.Fields(view)
	seen := map[string]int{}
	for _, w := range words {
		seen[w]++
	}
	long := 0
	for _, l := range lines {
		if ansi.StringWidth(l) <= 76 {
			continue
		}
		long++
		for _, w := range strings.Fields(l) {
			if seen[w] == 0 {
				t.Errorf("%s: %q of %q is cut:\n%s", what, w, l, view)
				return
			}
		}
	}
	if long == 0 {
		t.Fatalf("%s: no line longer than the screen to check", what)
	}
}

// hungUnder: a line of view that ends in tail continues a line with value
// and starts in value's column.
func hungUnder(view, value, tail string) bool {
	lines := strings.Split(view, "\n")
	for i := 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " ")
		if strings.TrimLeft(l, " ") != tail {
			continue
		}
		col := strings.Index(lines[i-1], value)
		return col > 0 && ansi.StringWidth(lines[i-1][:col]) == len(l)-len(tail)
	}
	return false
}
