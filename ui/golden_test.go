package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/tokenscope/tokenscope/service"
)

// Golden screens: a real program (teatest) per screen and size, driven by
// keys, its final View compared with testdata/TestGolden/<screen>_<size>.golden.
// `go test ./ui/ -update` rewrites them; read the diff before committing.
func TestGolden(t *testing.T) {
	screens := []struct {
		name    string
		session func(t *testing.T) *service.Session
		keys    []string
		wait    string // output to wait for after the keys
		scrub   bool   // mask request ids, times and latencies
		// enter: every enter is sent, wide too (otherwise an enter that
		// opens the detail is skipped where it is already beside the list)
		enter bool
	}{
		{name: "welcome", session: func(t *testing.T) *service.Session { return newSession(t, nil) }, wait: "Welcome"},
		{name: "list_card", session: fixtureSession, wait: "Visa"},
		{name: "detail_card", session: fixtureSession, keys: openKeys(), wait: "test card"},
		{name: "detail_bank", session: fixtureSession, keys: append([]string{"G"}, openKeys()...), wait: "routing"},
		{name: "json", session: fixtureSession, keys: []string{"J"}, wait: "\"card\": {"},
		{name: "log", session: loggedSession, keys: []string{"L"}, wait: "404", scrub: true},
		{name: "drift", session: driftSessionT, keys: []string{"R"}, wait: "Refresh:", scrub: true},
		{name: "help", session: fixtureSession, keys: []string{"?"}, wait: "refresh all"},
		{name: "filter", session: fixtureSession, keys: []string{"/", "u", "n", "u", "s", "e", "d", "enter"}, wait: "filter: unused", enter: true},
		{name: "scenario_plan", session: fixtureSession, keys: planKeys("pack:declines"), wait: "Plan: 44 to add", enter: true},
		{name: "create_failed", session: refusingSession, keys: []string{"n", "enter", "enter", "enter"}, wait: "typed is kept", enter: true, scrub: true},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			name := fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				w, h := size[0], size[1]
				m := New(Options{Session: sc.session(t), Renderer: asciiRenderer(), Now: fixedNow, Width: w, Height: h})
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
				for _, k := range sc.keys {
					if k == "enter" && w >= wideWidth && !sc.enter {
						continue // wide: the detail is already beside the list
					}
					tm.Send(keyMsg(k))
				}
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(sc.wait)) },
					teatest.WithDuration(5*time.Second))
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				view := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
				if sc.scrub {
					view = scrub(view)
				}
				golden.RequireEqual(t, []byte(view+"\n"))
			})
		}
	}
}

func openKeys() []string { return []string{"enter"} }

func fixtureSession(t *testing.T) *service.Session { return newSession(t, fixtures(t)) }

func driftSessionT(t *testing.T) *service.Session { return driftSession(t) }

// refusingSession answers a card create with a card number as Stripe's
// test mode does for an account without raw card data APIs: HTTP 402.
func refusingSession(t *testing.T) *service.Session {
	return newSessionWith(t, fixtures(t), func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if tokenCreate(r) {
				w.Header().Set("Request-Id", "req_RawCardRefused1")
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusPaymentRequired)
				_, _ = io.WriteString(w, `{"error":{"type":"invalid_request_error","message":"Sending credit card numbers directly to the Stripe API is generally unsafe."}}`)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
}

// loggedSession has made two requests through the real client and
// emulator: a magic token retrieved, and a token that does not exist.
func loggedSession(t *testing.T) *service.Session {
	s := newSession(t, nil)
	ctx := context.Background()
	if _, err := s.Fetch(ctx, "tok_visa"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Fetch(ctx, "tok_doesnotexist"); err == nil {
		t.Fatal("retrieving a missing token succeeded")
	}
	return s
}

var scrubs = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`req_[A-Za-z0-9]+`), "req_XXXXXXXXXXXXXX"},
	{regexp.MustCompile(`\b\d\d:\d\d:\d\d\b`), "hh:mm:ss"},
	{regexp.MustCompile(`\b\d+ms\b`), "Nms"},
	{regexp.MustCompile(`idem [A-Za-z0-9-]+`), "idem XXXXXXXX"},
	{regexp.MustCompile(`in (\d+\.\ds|\d+ms|Nms)\. *`), "in N.Ns."},
}

// scrub masks what changes from run to run (request ids, clock times,
// latencies, elapsed time) in the log and drift views.
// Trailing blanks are dropped too: a line padded to the width before
// "12ms" became "Nms" would otherwise differ by one blank from run to run.
func scrub(s string) string {
	for _, r := range scrubs {
		s = r.re.ReplaceAllString(s, r.with)
	}
	return trailingBlanks.ReplaceAllString(s, "")
}

var trailingBlanks = regexp.MustCompile(`(?m) +$`)

var _ tea.Model = (*App)(nil)
