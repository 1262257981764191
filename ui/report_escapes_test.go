package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
)

// m writes the report file directly (no cleaning writer between): a card
// name typed with ESC, OSC 52 and BEL must not reach it, or cat of the
// file would set the reader's clipboard.
func TestReportKeyWritesNoEscapes(t *testing.T) {
	dir := t.TempDir()
	spec, _ := model.SpecOf(model.KindCard)
	p, _ := spec.Create.Preset("visa")
	req := p.Request(clock)
	req.Card.Name = "\x1b[31mX\x1b]52;c;aGk=\a"
	s := sessionIn(t, dir, offlineAPI(t, nil), nil)
	rec, err := s.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Output: &strings.Builder{}, Width: 120, Height: 40}).(*App)
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	press(t, a, "m")
	data, err := os.ReadFile(filepath.Join(dir, "report-"+rec.ID+".md"))
	if err != nil {
		t.Fatalf("%v (status %q)", err, a.status.text)
	}
	if !strings.Contains(string(data), "card[name]=") {
		t.Fatalf("the report has no line with the name:\n%s", data)
	}
	if i := strings.IndexAny(string(data), "\x1b\a"); i >= 0 {
		t.Errorf("the report holds a terminal escape: %q", data[max(0, i-40):min(len(data), i+40)])
	}
}
