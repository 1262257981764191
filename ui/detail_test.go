package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
)

// Beside the list (100-120 columns), the USED line of a declined token is
// wrapped onto an indented second line, never cut: the outcome is what the
// person came to read.
func TestUsedLineWrapsBesideTheList(t *testing.T) {
	for _, w := range []int{100, 110, 120, 160} {
		a := newApp(t, newSession(t, fixtures(t)), w, 30)
		press(t, a, "j") // the declined card
		view := a.View()
		if !strings.Contains(view, "insufficient_funds)") || strings.Contains(view, "insuffi…") {
			t.Errorf("%d columns: the outcome is cut:\n%s", w, view)
			continue
		}
		lines := strings.Split(view, "\n")
		for i, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("%d columns: line %d is %d wide", w, i, ansi.StringWidth(l))
			}
			if !strings.Contains(l, "USED ") {
				continue
			}
			if strings.Contains(l, "insufficient_funds)") {
				if w < 160 {
					t.Errorf("%d columns: expected a wrap:\n%s", w, l)
				}
				break
			}
			// The continuation lines: under the value, past the glyph,
			// down to the end of the outcome.
			for _, next := range lines[i+1:] {
				if textColumn(next) != cellsBefore(l, "● yes")+2 {
					t.Errorf("%d columns: the continuation is not indented under the value:\n%s\n%s", w, l, next)
					break
				}
				if strings.Contains(next, "insufficient_funds)") {
					break
				}
			}
			break
		}
	}
}

// cellsBefore is the column (in cells) where sub starts in line.
func cellsBefore(line, sub string) int {
	return ansi.StringWidth(line[:strings.Index(line, sub)])
}

// textColumn is the column of the first text in the detail pane (after the
// list pane's and the detail pane's borders, "││").
func textColumn(line string) int {
	i := strings.Index(line, "││") + len("││")
	rest := line[i:]
	return ansi.StringWidth(line[:i]) + ansi.StringWidth(rest) - ansi.StringWidth(strings.TrimLeft(rest, " "))
}

// A token Stripe no longer has cannot be used: its USED line says so, not
// "no, it can be used once".
func TestUsedLineOfAGoneToken(t *testing.T) {
	r := fixtures(t)[0]
	r.Gone = true
	a := newApp(t, newSession(t, nil), 80, 24)
	got := detailLines(a.st, &r, nil, nil, clock, 72)[0]
	if got != "USED        - no longer exists (resource_missing)" {
		t.Errorf("USED line of a gone token = %q", got)
	}
}

// A second use refused with token_already_used does not take the USED line
// from the charge that consumed the token: that charge stays named, and the
// refused attempt is listed under it with its time.
func TestUsedLineNamesTheConsumingUse(t *testing.T) {
	r := fixtures(t)[1] // declined by ch_3QxYg7HiJkLmNoPqRsTu
	r.Uses = append(r.Uses, model.Use{Kind: model.UseCharge, Status: "failed", Code: model.CodeTokenAlreadyUsed,
		Amount: 1000, Currency: "usd", At: time.Date(2025, 11, 26, 14, 2, 0, 0, time.UTC)})
	a := newApp(t, newSession(t, nil), 80, 24)
	lines := detailLines(a.st, &r, nil, nil, clock, 120)
	got := strings.Join(lines, "\n")
	if !strings.Contains(lines[0], "● yes, used by ch_3QxYg7") || !strings.Contains(lines[0], "(declined: insufficient_funds)") {
		t.Errorf("USED does not name the charge that consumed the token:\n%s", got)
	}
	if !strings.HasPrefix(lines[1], "  then      token_already_used (14:02 UTC)") {
		t.Errorf("the refused attempt is not listed under USED:\n%s", got)
	}
}
