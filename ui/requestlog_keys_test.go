package ui

import (
	"strings"
	"testing"
)

// In the request log g, G, pgup and pgdn move the selection (▸) as in
// the token list, so c and enter act on a request in sight: they
// scrolled the view only, and c copied the newest request, off screen.
func TestRequestLogJumpKeysMoveTheSelection(t *testing.T) {
	a := logWithRequests(t, 12, 80, 24)
	press(t, a, "L", "g")
	if a.reqlog.sel != 0 || !strings.Contains(a.View(), "▸ ") {
		t.Fatalf("g: selection %d, want the oldest, in sight:\n%s", a.reqlog.sel, a.View())
	}
	press(t, a, "pgdown")
	if a.reqlog.sel <= 1 || !strings.Contains(a.View(), "▸ ") {
		t.Errorf("pgdn: selection %d, want a page on, in sight:\n%s", a.reqlog.sel, a.View())
	}
	down := a.reqlog.sel
	press(t, a, "pgup")
	if a.reqlog.sel >= down {
		t.Errorf("pgup: selection %d, want before %d", a.reqlog.sel, down)
	}
	press(t, a, "G")
	if a.reqlog.sel != a.reqlog.n-1 || !strings.Contains(a.View(), "▸ ") {
		t.Errorf("G: selection %d of %d, want the newest, in sight", a.reqlog.sel, a.reqlog.n)
	}
}
