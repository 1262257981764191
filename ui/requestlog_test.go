package ui

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
)

// The request log shows an earlier run's requests, marked; enter shows
// the selected request's answer; c copies it as a curl line with the
// published test card and the key left to $STRIPE_API_KEY.
func TestRequestLogEarlierRunsResponseAndCurl(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	spec, _ := model.SpecOf(model.KindCard)
	p, _ := spec.Create.Preset("visa")
	earlier := sessionIn(t, dir, offlineAPI(t, nil), nil)
	if _, err := earlier.Create(ctx, p.Request(clock), ""); err != nil {
		t.Fatal(err)
	}
	s := sessionIn(t, dir, offlineAPI(t, nil), nil)
	if _, err := s.Create(ctx, p.Request(clock), ""); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Output: &out, Width: 120, Height: 40}).(*App)
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil } // a test sends the ticks it wants
	press(t, a, "L")
	if v := a.View(); strings.Count(v, "earlier") != 1 || !strings.Contains(v, "▸") {
		t.Errorf("the earlier run's request is not marked once, or none is selected:\n%s", v)
	}
	press(t, a, "enter")
	if v := a.View(); !strings.Contains(v, "response:") || !strings.Contains(v, `"object": "token"`) {
		t.Errorf("enter does not show the answer:\n%s", v)
	}
	press(t, a, "c")
	m := regexp.MustCompile("\x1b]52;c;([A-Za-z0-9+/=]+)\a").FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no OSC 52 copy: %q (status %q)", out.String(), a.status.text)
	}
	curl, _ := base64.StdEncoding.DecodeString(m[1])
	for _, want := range []string{"curl -sS ", "/v1/tokens", `-u "$STRIPE_API_KEY:"`, "card[number]=4242424242424242"} {
		if !strings.Contains(string(curl), want) {
			t.Errorf("the copied curl lacks %q: %s", want, curl)
		}
	}
}

// m writes the selected token's report to the state dir and copies its
// path; x exports the workspace there; both say where in the status line.
func TestReportAndExportKeys(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	spec, _ := model.SpecOf(model.KindCard)
	p, _ := spec.Create.Preset("insufficient_funds")
	s := sessionIn(t, dir, offlineAPI(t, nil), nil)
	rec, err := s.Create(ctx, p.Request(clock), "")
	if err != nil {
		t.Fatal(err)
	}
	_, _, _ = s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	var out strings.Builder
	a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Output: &out, Width: 120, Height: 40}).(*App)
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil } // a test sends the ticks it wants
	press(t, a, "m")
	report := filepath.Join(dir, "report-"+rec.ID+".md")
	if !strings.Contains(a.status.text, "report written to "+report) || !strings.Contains(out.String(), "\x1b]52;c;") {
		t.Errorf("status %q, copied %q", a.status.text, out.String())
	}
	data, err := os.ReadFile(report)
	if err != nil || !strings.Contains(string(data), "decline code `insufficient_funds`") {
		t.Errorf("report %v:\n%s", err, data)
	}
	if fi, err := os.Stat(report); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("report mode: %v %v", fi, err)
	}
	press(t, a, "x")
	path := regexp.MustCompile(`exported 1 token to (\S+\.hcl)`).FindStringSubmatch(a.status.text)
	if path == nil {
		t.Fatalf("status %q", a.status.text)
	}
	if data, err := os.ReadFile(path[1]); err != nil || !strings.Contains(string(data), `preset = "insufficient_funds"`) {
		t.Errorf("export %v:\n%s", err, data)
	}
}
