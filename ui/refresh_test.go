package ui

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
)

// esc cancels r while its request hangs: the status line says so and
// that nothing was recorded; the detail stays open.
func TestEscCancelsARefresh(t *testing.T) {
	h := testio.HangOn(tokenGets)
	a := newApp(t, newSessionWith(t, fixtures(t), h.Wrap), 80, 24)
	press(t, a, "enter")
	l := newLoop(t, a)
	l.send(keyMsg("r"))
	if !strings.Contains(a.View(), "esc cancels") {
		t.Errorf("the spinner does not say esc cancels:\n%s", a.View())
	}
	id := a.list.selectedID()
	l.until("the refresh's end", func() bool { return a.busy == 0 }, h.Held, func() { l.send(keyMsg("esc")) })
	if want := "refresh of " + id + " cancelled: nothing recorded"; !strings.HasPrefix(a.status.text, want) {
		t.Fatalf("status %q, want %q…", a.status.text, want)
	}
	if a.mode != modePager || !a.pager.detail {
		t.Fatalf("esc that cancelled also left the detail:\n%s", a.View())
	}
}

// esc on the refresh-all report while it runs cancels it and goes back.
func TestEscCancelsRefreshAll(t *testing.T) {
	h := testio.HangOn(tokenGets)
	a := newApp(t, newSessionWith(t, fixtures(t), h.Wrap), 80, 24)
	l := newLoop(t, a)
	l.send(keyMsg("R"))
	l.until("the refresh's end", func() bool { return a.busy == 0 }, h.Held, func() {
		if a.refresh != nil && !a.refresh.cancelled {
			l.send(keyMsg("esc"))
		}
	})
	if !strings.HasPrefix(a.status.text, "refresh all cancelled after 0 of 3 tokens: nothing recorded") {
		t.Fatalf("status %q", a.status.text)
	}
	if a.mode != modeList {
		t.Fatalf("esc did not leave the report:\n%s", a.View())
	}
}
