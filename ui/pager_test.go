package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A pager scrolled to its end and then given more room shows its text
// from where it still fits, not an offset left over from the small size.
func TestPagerOffsetAfterResize(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 10)
	press(t, a, "?", "G")
	if a.pager.vp.YOffset == 0 {
		t.Fatal("help fits in 80x10: the test proves nothing")
	}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 60})
	if off := a.pager.vp.YOffset; off != 0 {
		t.Fatalf("after growing to 80x60 the help is still scrolled by %d:\n%s", off, a.View())
	}
	if v := a.View(); !strings.Contains(v, "Navigation") {
		t.Fatalf("the top of the help is not in sight:\n%s", v)
	}
}
