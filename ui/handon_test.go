package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
)

// copied is every text copied with OSC 52 to out, decoded.
func copied(t *testing.T, out string) []string {
	t.Helper()
	var texts []string
	for _, m := range regexp.MustCompile("\x1b]52;c;([A-Za-z0-9+/=]*)\a").FindAllStringSubmatch(out, -1) {
		b, err := base64.StdEncoding.DecodeString(m[1])
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// handedFiles are the reports and exports written under dir.
func handedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".hcl")) {
			files = append(files, filepath.Base(p))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// m and x: a local user gets a file in the state dir (its path copied);
// a guest of serve, who cannot reach the server's files, gets the report
// and the export themselves, copied with OSC 52 and shown in the pager,
// and nothing is written on the server.
func TestReportAndExportForGuestAndLocal(t *testing.T) {
	for _, guest := range []bool{false, true} {
		dir := t.TempDir()
		ctx := context.Background()
		spec, _ := model.SpecOf(model.KindCard)
		p, _ := spec.Create.Preset("insufficient_funds")
		s := sessionIn(t, dir, offlineAPI(t, nil), nil)
		rec, err := s.Create(ctx, p.Request(clock), "")
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Output: &out, Width: 80, Height: 24, Guest: guest}).(*App)
		a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }

		press(t, a, "m")
		clip := copied(t, out.String())
		if !guest {
			if len(clip) != 1 || clip[0] != filepath.Join(dir, "report-"+rec.ID+".md") || a.mode != modeList {
				t.Errorf("local m copied %q, mode %v, status %q", clip, a.mode, a.status.text)
			}
		} else {
			if len(clip) != 1 || !strings.Contains(clip[0], "# ") || !strings.Contains(clip[0], rec.ID) || !strings.Contains(clip[0], "insufficient_funds") {
				t.Errorf("guest m copied %q", clip)
			}
			if a.status.text != "report copied to your clipboard (OSC 52) · esc back" {
				t.Errorf("guest m status %q", a.status.text)
			}
			if v := a.View(); a.mode != modePager || !strings.Contains(v, "Report "+rec.ID) || !strings.Contains(v, "report copied to your clipboard") {
				t.Errorf("guest m does not show the report:\n%s", v)
			}
			if strings.Contains(a.View(), dir) || strings.Contains(a.status.text, dir) {
				t.Errorf("guest m names the server's dir %s:\n%s", dir, a.View())
			}
			press(t, a, "esc")
			if a.mode != modeList {
				t.Errorf("esc does not leave the report: mode %v", a.mode)
			}
		}

		out.Reset()
		press(t, a, "x")
		clip = copied(t, out.String())
		if !guest {
			if len(clip) != 0 || !strings.HasPrefix(a.status.text, "exported 1 token to "+dir) {
				t.Errorf("local x copied %q, status %q", clip, a.status.text)
			}
			if files := handedFiles(t, dir); len(files) != 2 {
				t.Errorf("local m and x wrote %q", files)
			}
			continue
		}
		if len(clip) != 1 || !strings.Contains(clip[0], `preset = "insufficient_funds"`) {
			t.Errorf("guest x copied %q", clip)
		}
		if v := a.View(); a.status.text != "export copied to your clipboard (OSC 52) · esc back" || !strings.Contains(v, "insufficient_funds") {
			t.Errorf("guest x status %q, shows:\n%s", a.status.text, v)
		}
		if files := handedFiles(t, dir); len(files) != 0 {
			t.Errorf("guest m and x wrote %q on the server", files)
		}
	}
}

// A report larger than an OSC 52 copy safely carries is shown, not
// copied, and the status line says so; one holding a card number that is
// no published test card is neither copied nor shown.
func TestHandOnRefusesTooLargeAndSecrets(t *testing.T) {
	var out bytes.Buffer
	big := bytes.Repeat([]byte("x"), maxOSC52+1)
	msg, ok := handOn(&out, "report", "Report", big).(handedMsg)
	if !ok || out.Len() != 0 || !strings.Contains(msg.status, "report not copied: 65 KiB") || len(msg.text) != len(big) {
		t.Errorf("a %d-byte report: copied %d bytes, %+v", len(big), out.Len(), msg.status)
	}
	fits := bytes.Repeat([]byte("x"), maxOSC52)
	if _, ok := handOn(&out, "report", "Report", fits).(handedMsg); !ok || len(copied(t, out.String())) != 1 {
		t.Errorf("a report of exactly %d bytes was not copied", maxOSC52)
	}
	out.Reset()
	// A Visa number that is no test card (a card number is whole groups of
	// its brand's length passing the Luhn check).
	secret := []byte("card 4000 0000 0002 4242 and 5105 1051 0510 5101 9\n")
	m, ok := handOn(&out, "report", "Report", secret).(copiedMsg)
	if !ok || !m.err || out.Len() != 0 || !strings.Contains(m.status, "report not copied") {
		t.Errorf("a card number was handed on: %#v, wrote %q", m, out.String())
	}
}

// The help says what m and x do for a guest; the local help is as before.
func TestHelpSaysWhatMAndXDoForAGuest(t *testing.T) {
	for _, guest := range []bool{false, true} {
		a := New(Options{Session: newSession(t, fixtures(t)), Renderer: asciiRenderer(), Now: fixedNow, Width: 120, Height: 40, Guest: guest}).(*App)
		press(t, a, "?")
		v := a.View()
		if got := strings.Contains(v, "report: copy + show") && strings.Contains(v, "export: copy + show"); got != guest {
			t.Errorf("guest %v: help:\n%s", guest, v)
		}
	}
}
