package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// waitTimeout bounds every wait for the screen; the polls themselves are
// short, so a passing test never sleeps longer than the app takes. It is
// generous: a resize redraw once took over 10 s while the whole suite
// ran beside these TUIs on two cores.
const waitTimeout = 30 * time.Second

// tui is the binary running in a tmux session on a tmux server of its own
// (-S: a socket in a temp dir, which no user's tmux shares and which goes
// away with the test; -f /dev/null: no user config).
type tui struct {
	t      *testing.T
	socket string
	env    []string
}

// startTUI runs the binary in a detached w×h tmux window with the given
// state dir and extra environment. The pane's command prints the exit code
// after the binary returns and lingers, so a test can read both the code
// and the restored screen. The tmux server is killed when the test ends.
func startTUI(t *testing.T, stateDir string, w, h int, extraEnv ...string) *tui {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("tmux is needed for the TUI end-to-end tests: %v", err)
		}
		t.Skipf("tmux not found: %v", err)
	}
	// Not t.TempDir: its long path can pass the 108-byte limit of a socket.
	sockDir, err := os.MkdirTemp("", "tse2e")
	if err != nil {
		t.Fatal(err)
	}
	s := &tui{
		t:      t,
		socket: filepath.Join(sockDir, "tmux"),
		env:    cleanEnv(stateDir, extraEnv...),
	}
	// The tmux server copies its environment from the client that starts
	// it; env -u makes sure a key in the caller's environment cannot leak in.
	shell := fmt.Sprintf("env -u STRIPE_API_KEY %s; echo EXIT=$?; sleep 5", strconv.Quote(bin))
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), shell)
	t.Cleanup(func() {
		cmd := exec.Command("tmux", "-S", s.socket, "kill-server")
		cmd.Env = s.env
		_ = cmd.Run()
		os.RemoveAll(sockDir)
	})
	return s
}

// tmux runs one tmux command on this test's server and returns its stdout.
func (s *tui) tmux(args ...string) string {
	s.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...)
	cmd.Env = s.env
	out, err := cmd.Output()
	if err != nil {
		msg := err.Error()
		if ee, ok := err.(*exec.ExitError); ok {
			msg += ": " + string(ee.Stderr)
		}
		s.t.Fatalf("tmux %s: %s", strings.Join(args, " "), msg)
	}
	return string(out)
}

// keys sends keys as tmux names them (Enter, Escape, Tab, End, C-u) or
// literal text.
func (s *tui) keys(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "0"}, keys...)...)
}

// screen is the pane's text as a person sees it.
func (s *tui) screen() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", "0")
}

// ansiScreen is the pane with its attributes as escape sequences.
func (s *tui) ansiScreen() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-e", "-p", "-t", "0")
}

// display formats tmux variables of the pane (#{cursor_flag} ...).
func (s *tui) display(format string) string {
	s.t.Helper()
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", "0", format))
}

// waitFor polls the screen until it holds every string, or fails the test
// with the last screen.
func (s *tui) waitFor(what string, want ...string) string {
	s.t.Helper()
	return s.waitUntil(what, func(scr string) bool {
		for _, w := range want {
			if !strings.Contains(scr, w) {
				return false
			}
		}
		return true
	})
}

// waitUntil polls the screen until ok says yes, or fails the test.
func (s *tui) waitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		scr := s.screen()
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waiting for %s: not on screen after %s:\n%s", what, waitTimeout, scr)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// sgr matches one Select Graphic Rendition sequence and captures its
// parameters.
var sgr = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// colourSGR returns the first SGR sequence that sets a colour (30-37,
// 40-47, 90-97, 100-107, 38;..., 48;...), or "". 39 and 49 only reset to the
// terminal's default colours, which tmux writes on every line.
func colourSGR(s string) string {
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			switch {
			case n >= 30 && n <= 38, n >= 40 && n <= 48, n >= 90 && n <= 97, n >= 100 && n <= 107:
				return strconv.Quote(m[0])
			}
		}
	}
	return ""
}
