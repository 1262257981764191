package flow

import (
	"bytes"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// awaitMsg takes the messages of msgs until one of type T.
func awaitMsg[T any](t *testing.T, msgs <-chan tea.Msg) T {
	t.Helper()
	for {
		m := testio.Recv(t, msgs, fmt.Sprintf("a %T", *new(T)))
		if v, ok := m.(T); ok {
			return v
		}
	}
}

// runAll runs cmd to its end as a program would, a batch's commands one
// after another, and returns the messages it sent.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, runAll(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// openPane opens the pane of id and gives it its first read's reply, as
// the shell would; look is the command of its feed's first look.
func openPane(t *testing.T, pc *common.ProgramContext, id string) (o *Object, look tea.Cmd) {
	t.Helper()
	o = newObject(pc, id)
	r := awaitMsg[reply](t, testio.Run(o.Init()))
	_, look = o.Update(r)
	if o.live.feed == nil || look == nil {
		t.Fatal("the pane follows no feed after its first read")
	}
	return o, look
}

// refunded refunds 4.00 usd of charge ch, as another tokenscope on the
// workspace would.
func refunded(t *testing.T, pc *common.ProgramContext, ch string) {
	t.Helper()
	if _, err := pc.Session.Refund(t.Context(), model.RefundRequest{Of: ch, Amount: 400}); err != nil {
		t.Fatal(err)
	}
}

const refundDrift = "~ amount_refunded: 0.00 usd -> 4.00 usd (refund.created, charge.refunded)"

// An event about the open charge (a refund made elsewhere) reads it
// again without a spinner, the rows scrolled as they were, and says what
// changed as drift reads, with the events that told of it.
func TestObjectPaneReadsItsObjectAgainOnAnEvent(t *testing.T) {
	pc, _ := newContext(t, 80, 8, setup{})
	ch := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	o, look := openPane(t, pc, ch)
	o.Update(keyMsg("down"))
	o.Update(keyMsg("down"))
	if row := strings.Split(o.View(), "\n")[2]; strings.Contains(row, "status") {
		t.Fatalf("the pane did not scroll: %q first in sight", row)
	}
	refunded(t, pc, ch)

	evs := awaitMsg[objectEvents](t, testio.Run(look))
	if len(evs.evs) == 0 {
		t.Fatal("the look read no event about the refunded charge")
	}
	_, cmd := o.Update(evs)
	if v := o.View(); strings.Contains(v, "Reading") || o.busy {
		t.Errorf("the quiet read shows a request in flight:\n%s", v)
	}
	o.Update(awaitMsg[objectReread](t, testio.Run(cmd)))
	if row := strings.Split(o.View(), "\n")[2]; strings.Contains(row, "status") {
		t.Errorf("the read scrolled the rows back to the top: %q first in sight", row)
	}
	for range 10 {
		o.Update(keyMsg("down")) // the change is the body's last row
	}
	if v := o.View(); !strings.Contains(v, refundDrift) || !strings.Contains(v, "4.00 usd") {
		t.Errorf("the pane does not show the refund as it changed the charge:\n%s", v)
	}
}

// countGets counts the GETs of path's object, and lets every request on.
func countGets(n *atomic.Int64, path string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodGet && r.URL.Path == path {
				n.Add(1)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// An event about the charge while its refund form is open does not read
// it under the form; esc closes the form, and then it is read and the
// change shown.
func TestObjectPaneDefersItsReadWhileAFormIsOpen(t *testing.T) {
	var gets atomic.Int64
	var ch string
	pc, _ := newContext(t, 80, 24, setup{wrap: func(next http.Handler) http.Handler {
		return countGets(&gets, "/v1/charges/"+ch)(next)
	}})
	ch = used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	o, look := openPane(t, pc, ch)
	o.Update(keyMsg("b"))
	form := o.View()
	if !strings.Contains(form, "Refund     1000") {
		t.Fatalf("b opened no refund form:\n%s", form)
	}
	refunded(t, pc, ch)
	read := gets.Load()

	_, cmd := o.Update(awaitMsg[objectEvents](t, testio.Run(look)))
	msgs := runAll(cmd) // its next look too, which the poll ends
	for _, m := range msgs {
		if _, ok := m.(objectReread); ok {
			t.Fatal("the charge was read again under the open form")
		}
	}
	if n := gets.Load(); n != read {
		t.Errorf("%d reads of the charge while its form was open", n-read)
	}
	if v := o.View(); v != form {
		t.Errorf("the form changed under the person typing:\n%s\nwas\n%s", v, form)
	}

	_, cmd = o.Update(keyMsg("esc"))
	o.Update(awaitMsg[objectReread](t, testio.Run(cmd)))
	if v := o.View(); !strings.Contains(v, refundDrift) {
		t.Errorf("once the form closed the pane does not show the refund:\n%s", v)
	}
	// The form kept as left was filled with all there was to refund: it
	// opens again with what remains now.
	o.Update(keyMsg("b"))
	if v := o.View(); !strings.Contains(v, "6.00 usd remains") || !strings.Contains(v, "Refund     600") {
		t.Errorf("the refund form does not offer what remains after the refund:\n%s", v)
	}
}

// feedGoroutines counts the goroutines of live views' feeds: their
// wake-ups (a poll's ticker) and the panes' looks.
func feedGoroutines() int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	n := 0
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		if bytes.Contains(g, []byte("service.(*Session).eventWake")) || bytes.Contains(g, []byte("(*Object).look")) {
			n++
		}
	}
	return n
}

// untilFeeds waits until cond holds of the feeds' goroutines.
func untilFeeds(t *testing.T, what string, cond func(n int) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for n := feedGoroutines(); !cond(n); n = feedGoroutines() {
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: %d goroutines of feeds", what, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Closing the pane ends its feed: its look returns, and no goroutine of
// it is left polling.
func TestObjectPaneClosedEndsItsFeed(t *testing.T) {
	untilFeeds(t, "the feeds of earlier tests to end", func(n int) bool { return n == 0 })
	pc, _ := newContext(t, 80, 24, setup{})
	ch := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	o, look := openPane(t, pc, ch)
	msgs := testio.Run(look)
	untilFeeds(t, "the feed to run", func(n int) bool { return n >= 2 })
	o.Close()
	if m := testio.Recv(t, msgs, "the look to return"); m != nil {
		if ev, ok := m.(objectEvents); !ok || len(ev.evs) > 0 {
			t.Errorf("the closed pane's look told %#v", m)
		}
	}
	untilFeeds(t, "the closed pane's feed to end", func(n int) bool { return n == 0 })
}

// The charge's pane at 80x24 after a refund made elsewhere: the rows as
// they are now, and under them what changed, with no key pressed.
func TestObjectPaneChangeGolden(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	ch := used(t, pc, "visa", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	r := start(t, NewObject(pc, ch), 80, 24)
	r.shows("charge "+ch, "b: refund")
	refunded(t, pc, ch)
	r.shows(refundDrift)
	requireGolden(t, r.final())
}
