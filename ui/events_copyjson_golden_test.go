package ui

import (
	"bytes"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// eventRandom are the parts of an event's screens that differ between
// runs: its ids and the objects', the idempotency key, fingerprints.
var eventRandom = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`\b(evt|ch|card|tok|req|txn)_[0-9A-Za-z]+`), "${1}_RANDOM"},
	{regexp.MustCompile(`tokenscope-[0-9a-f-]{36}`), "tokenscope-IDEMPOTENCY"},
	{regexp.MustCompile(`"fingerprint": "[^"]*"`), `"fingerprint": "RANDOM"`},
}

// The events view's y and J as the shell draws them, at 80x24 and
// 120x40: the picker of the selected event's ids over the list, and the
// JSON of an open event, in the pager, with their footers.
func TestEventsCopyJSONGolden(t *testing.T) {
	screens := []struct {
		name string
		keys []string
		wait string
	}{
		{name: "copy", keys: []string{"E", "y"}, wait: "request that caused it"},
		{name: "json", keys: []string{"E", "enter", "J"}, wait: `"object": "event"`},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				w, h := size[0], size[1]
				s := newSession(t, nil)
				chargeOn(t, s, "visa")
				a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Width: w, Height: h}).(*App)
				t.Cleanup(a.cancel) // the live read ends before the dir goes
				tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(w, h))
				tm.Send(keyMsg(sc.keys[0]))
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("charge.succeeded")) },
					teatest.WithDuration(5*time.Second))
				for _, k := range sc.keys[1:] {
					tm.Send(keyMsg(k))
				}
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(sc.wait)) },
					teatest.WithDuration(5*time.Second))
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				view := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
				for _, r := range eventRandom {
					view = r.re.ReplaceAllString(view, r.with)
				}
				golden.RequireEqual(t, []byte(view+"\n"))
			})
		}
	}
}
