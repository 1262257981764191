package ui

import (
	"net/http"
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

// The refresh summary shows once: help opened over the running report,
// then closed, shows the report, which ends with the summary; the status
// line does not say it again under it.
func TestRefreshSummaryOnceUnderHelp(t *testing.T) {
	gate, held := make(chan struct{}), make(chan string, 16)
	wrap := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if tokenGets(r) {
				held <- r.URL.Path
				<-gate
			}
			next.ServeHTTP(w, r)
		})
	}
	a := newApp(t, newSessionWith(t, fixtures(t), wrap), 80, 24)
	l := newLoop(t, a)
	l.send(keyMsg("R"))
	l.until("the refresh's end", func() bool { return a.busy == 0 }, held, func() {
		if a.pager.title == refreshTitle {
			l.send(keyMsg("?"))
			close(gate)
		}
	})
	l.send(keyMsg("esc"))
	if v := a.View(); a.pager.title != refreshTitle || strings.Count(v, "Refresh: ") != 1 {
		t.Fatalf("the summary shows %d times:\n%s", strings.Count(v, "Refresh: "), v)
	}
}
