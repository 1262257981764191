package sshserver

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testbin"
)

// TestTerminalTypes runs the real binary in tmux under each TERM a jump
// host may hand it, checks that the first screen renders, that a bare
// ESC (tmux send-keys Escape, nothing after it) leaves a flow, and that q
// quits with exit 0.
func TestTerminalTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and drives tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is missing; .ci/run installs it")
		}
		t.Skip("tmux is not installed")
	}
	bin := testbin.Build(t, ".")
	cases := []struct {
		term  string
		flags string
	}{
		{"xterm", ""},
		{"xterm-256color", ""},
		{"screen-256color", ""},
		{"tmux-256color", ""},
		{"linux", ""},
		{"vt100", "--no-color --inline --fps 10"},
	}
	for _, c := range cases {
		t.Run(c.term, func(t *testing.T) {
			p := startPane(t, bin, c.term, c.flags)
			p.waitFor("tokenscope", "Welcome to tokenscope.", "n new")
			// No mouse capture (a jump host's users select text with it);
			// the alternate screen unless --inline.
			inline := strings.Contains(c.flags, "--inline")
			if got := p.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"); got != "000" {
				t.Errorf("mouse capture flags %s, want 000", got)
			}
			if alt := p.format("#{alternate_on}") == "1"; alt == inline {
				t.Errorf("alternate screen on: %v with flags %q", alt, c.flags)
			}
			if strings.Contains(c.flags, "--no-color") {
				if m := colour.FindString(p.capture("-e")); m != "" {
					t.Errorf("--no-color drew colour %q", m)
				}
			} else if c.term == "xterm-256color" && colour.FindString(p.capture("-e")) == "" {
				t.Error("no colour at xterm-256color: the --no-color check proves nothing")
			}
			p.keys("n")
			p.waitFor("New token") // the flow replaced the welcome
			p.keys("Escape")
			p.waitFor("Welcome to tokenscope.")
			p.keys("q")
			p.waitFor("EXIT=0")
		})
	}
}

// pane is one tmux pane on a private tmux server, its socket in the test's
// temp dir.
type pane struct {
	t      *testing.T
	socket string
}

func startPane(t *testing.T, bin, term, flags string) *pane {
	t.Helper()
	dir := t.TempDir()
	p := &pane{t: t, socket: filepath.Join(dir, "tmux.sock")}
	// CI is dropped: termenv takes CI in the environment to mean no colour.
	cmd := "env -u CI -u NO_COLOR TERM=" + term + " TOKENSCOPE_STATE_DIR=" + filepath.Join(dir, "state") + " STRIPE_API_KEY= " + bin + " " + flags +
		"; echo EXIT=$?; sleep 60"
	if out, err := p.tmux("new-session", "-d", "-x", "80", "-y", "24", cmd); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { _, _ = p.tmux("kill-server") })
	return p
}

func (p *pane) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-S", p.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	return string(out), err
}

func (p *pane) keys(k string) {
	p.t.Helper()
	if out, err := p.tmux("send-keys", k); err != nil {
		p.t.Fatalf("send-keys %s: %v\n%s", k, err, out)
	}
}

// format is a tmux format string evaluated for the pane.
func (p *pane) format(f string) string {
	out, _ := p.tmux("display-message", "-p", f)
	return strings.TrimSpace(out)
}

// capture is the visible pane (-e: with its escape sequences).
func (p *pane) capture(args ...string) string {
	out, _ := p.tmux(append([]string{"capture-pane", "-p"}, args...)...)
	return out
}

func (p *pane) waitFor(want ...string) {
	p.t.Helper()
	deadline := time.Now().Add(waitLimit)
	var screen string
	for time.Now().Before(deadline) {
		screen = p.capture()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(screen, w)
		}
		if ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("the pane never showed %q; it shows:\n%s", want, screen)
}
