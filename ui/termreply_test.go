package ui

import (
	"context"
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// runBytes runs the app as a program reading in from a pipe: each write
// is one read of the terminal, as bubbletea's own reader parses it;
// ctrl+c, written last, quits. It returns the app as the program left it.
func runBytes(t *testing.T, writes ...string) *App {
	t.Helper()
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	r, w := io.Pipe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p := tea.NewProgram(a, tea.WithInput(r), tea.WithOutput(io.Discard), tea.WithContext(ctx), tea.WithoutSignals())
	go func() {
		for _, s := range append(writes, "\x03") {
			_, _ = io.WriteString(w, s)
			time.Sleep(20 * time.Millisecond) // one read each, as a terminal's replies and keys come
		}
	}()
	m, err := p.Run()
	if err != nil {
		t.Fatal(err)
	}
	return m.(*App)
}

// A terminal's replies that arrive as input (a late answer to the colour
// query, any OSC, DCS or APC string) are dropped whole, as bubbletea
// drops a CSI reply: none of their letters is a key. Before, the r of
// rgb refreshed the token, g moved, / opened the filter.
func TestTerminalRepliesAreNotKeys(t *testing.T) {
	for name, reply := range map[string]string{
		"OSC ended by ST":  "\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\",
		"OSC ended by BEL": "\x1b]11;rgb:0000/0000/0000\a",
		"OSC title":        "\x1b]0;pwned n\a",
		"DCS":              "\x1bP1$r0 q\x1b\\",
		"APC":              "\x1b_Gi=1;OK\x1b\\",
	} {
		t.Run(name, func(t *testing.T) {
			a := runBytes(t, "j", reply)
			if a.filtering || a.flow != nil || a.mode != modeList || a.busy > 0 || len(a.inflight) > 0 {
				t.Errorf("the reply acted as keys: filtering %v (%q), flow %v, mode %v, busy %d, status %q",
					a.filtering, a.filter.Value(), a.flow != nil, a.mode, a.busy, a.status.text)
			}
			if a.list.cursor != 1 {
				t.Errorf("the reply moved the selection: row %d, want 1", a.list.cursor)
			}
		})
	}
}

// A key after a reply, even in the same read, is the user's; so is
// what follows an ESC ] that no terminator ends before a key no reply
// holds (enter, here: the detail opens).
func TestKeysAroundTerminalRepliesStay(t *testing.T) {
	a := runBytes(t, "\x1b]11;rgb:1e1e/1e1e/1e1e\aj")
	if a.list.cursor != 1 {
		t.Errorf("the j after the reply was lost: row %d", a.list.cursor)
	}
	a = runBytes(t, "\x1b]abc", "\r")
	if a.mode != modePager {
		t.Errorf("enter after an unended ESC ] did not open the detail: mode %v", a.mode)
	}
}
