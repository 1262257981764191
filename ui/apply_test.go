package ui

import (
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
)

// While a scenario applies, each step that lands is read back: the header
// counts the tokens made while the summary is still open (it said
// "0 tokens" until the flow was closed).
func TestHeaderCountsDuringAnApply(t *testing.T) {
	a := newApp(t, newSession(t, nil), 120, 40)
	press(t, a, planKeys("pack:brands")...)
	if !strings.Contains(a.View(), "Plan:") {
		t.Fatalf("no plan:\n%s", a.View())
	}
	l := newLoop(t, a)
	l.send(keyMsg("enter"))
	inSummary := func() bool {
		return a.flow != nil && strings.Contains(a.View(), "Apply complete!") && !a.loading
	}
	l.until("summary", inSummary, nil, nil)
	n := len(a.list.tokens)
	if n == 0 || !strings.Contains(a.header(), " "+strconv.Itoa(n)+" tokens") {
		t.Fatalf("the header does not count the %d tokens made under the summary:\n%s", n, a.View())
	}
}

// esc during an apply cancels it: the step in flight ends, the rest is not
// sent, and the status line says what landed.
func TestEscCancelsAnApply(t *testing.T) {
	var creates atomic.Int64
	h := testio.HangOn(func(r *http.Request) bool { // the second token create hangs
		return tokenCreate(r) && creates.Add(1) == 2
	})
	a := newApp(t, newSessionWith(t, nil, h.Wrap), 120, 40)
	press(t, a, planKeys("pack:brands")...)
	l := newLoop(t, a)
	l.send(keyMsg("enter"))
	l.until("the end of the flow", func() bool { return a.flow == nil }, h.Held, func() {
		if !strings.Contains(a.View(), "esc cancel the apply") {
			t.Errorf("the apply's footer does not offer esc:\n%s", a.View())
		}
		l.send(keyMsg("esc"))
	})
	if !strings.HasPrefix(a.status.text, "pack:brands: apply cancelled: 1 of ") || !strings.HasSuffix(a.status.text, " changes landed, in the state") {
		t.Fatalf("status %q", a.status.text)
	}
	l.until("the state read", func() bool { return !a.loading }, nil, nil)
	if len(a.list.tokens) != 1 {
		t.Fatalf("%d tokens in the list after cancelling at the second", len(a.list.tokens))
	}
	if creates.Load() != 2 {
		t.Errorf("%d creates sent, want 2 (the rest not sent)", creates.Load())
	}
}

func tokenCreate(r *http.Request) bool {
	return r.Method == http.MethodPost && r.URL.Path == "/v1/tokens"
}
