package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
)

// logWithRequests is an app over a session that has sent n token creates.
func logWithRequests(t *testing.T, n, w, h int) *App {
	t.Helper()
	s := sessionIn(t, t.TempDir(), offlineAPI(t, nil), nil)
	spec, _ := model.SpecOf(model.KindCard)
	p, _ := spec.Create.Preset("visa")
	for range n {
		if _, err := s.Create(context.Background(), p.Request(clock), ""); err != nil {
			t.Fatal(err)
		}
	}
	return newApp(t, s, w, h)
}

// esc over a request's answer goes back to the list of requests; a
// second esc leaves the log.
func TestRequestLogEscHidesTheAnswerFirst(t *testing.T) {
	a := logWithRequests(t, 2, 80, 24)
	press(t, a, "L", "enter")
	if a.reqlog.shown < 0 {
		t.Fatal("enter does not show the answer")
	}
	press(t, a, "esc")
	if a.mode != modePager || !a.pager.log || a.reqlog.shown >= 0 {
		t.Fatalf("esc over the answer: mode %v, log %v, answer %d; want the log, no answer", a.mode, a.pager.log, a.reqlog.shown)
	}
	press(t, a, "esc")
	if a.mode == modePager {
		t.Fatal("esc from the log's list does not leave it")
	}
}

// The log opens scrolled to its end with an entry's first line at the
// top, not the tail of an entry whose head is out of sight.
func TestRequestLogOpensOnAnEntry(t *testing.T) {
	entry := regexp.MustCompile(`^ +(▸ )?\d\d:\d\d:\d\d `)
	for h := 14; h <= 20; h++ {
		a := logWithRequests(t, 6, 80, h)
		press(t, a, "L")
		lines := strings.Split(a.View(), "\n")
		if !entry.MatchString(lines[2]) {
			t.Errorf("at 80x%d the log begins mid-entry: %q\n%s", h, lines[2], a.View())
		}
		if !strings.Contains(a.View(), "▸ ") {
			t.Errorf("at 80x%d the newest request is not in sight:\n%s", h, a.View())
		}
	}
}

// A response line wider than the log wraps under its value: nothing is
// cut at the edge without a mark.
func TestRequestLogAnswerWraps(t *testing.T) {
	secret := "pi_3QxYz8Lk2mN3pQ4r_secret_aBcDeFgHiJkLmNoPqRsT"
	e := model.LoggedRequest{Response: `{"description": "a long description of what this PaymentIntent pays for, in words", "client_secret": "` + secret + `"}`}
	c := logCursor{shown: 0}
	lines := c.response(0, e, 40, "    ")
	text := strings.Join(lines, "\n")
	for _, l := range lines {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("a line of the answer is %d wide, over 40: %q", ansi.StringWidth(l), l)
		}
	}
	if !strings.Contains(text, "words\",") || !strings.Contains(text, `"pi_3QxYz8Lk2mN3pQ4r_secret_aBc…`) {
		t.Errorf("the answer lost text without a mark:\n%s", text)
	}
}
