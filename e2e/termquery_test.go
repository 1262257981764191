package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// Terminal queries termenv writes to learn the background colour: OSC 11
// and the cursor position report (CSI 6n) it sends after it.
const (
	queryBackground = "\x1b]11;?"
	queryCursor     = "\x1b[6n"
)

// silentPty runs the binary with args on a new pty that never answers (as
// script, a CI pty or an ssh -tt relay) and returns what it wrote there so
// far, and a wait that reads to the end once the process is gone.
func silentPty(t *testing.T, stateDir string, args ...string) (read func() string, wait func() string, cmd *exec.Cmd) {
	t.Helper()
	cmd = exec.Command(bin, args...)
	cmd.Env = cleanEnv(stateDir, "TERM=xterm-256color")
	ptmx, err := pty.Start(cmd)
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	var mu sync.Mutex
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			mu.Unlock()
			if err != nil { // EIO once the last process on the pty is gone
				return
			}
		}
	}()
	read = func() string {
		mu.Lock()
		defer mu.Unlock()
		return out.String()
	}
	wait = func() string {
		if err := cmd.Wait(); err != nil && !errors.As(err, new(*exec.ExitError)) {
			t.Fatal(err)
		}
		<-done
		return read()
	}
	return read, wait, cmd
}

// TestNoTerminalQueryOnSilentPty: a headless command on a terminal writes
// its output and no terminal query (bubbletea's package init used to ask
// for the background colour and wait 5 s for a reply that never came); the
// TUI still asks, for its own colours.
func TestNoTerminalQueryOnSilentPty(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{{"version"}, {"list"}, {"--no-color", "presets"}} {
		_, wait, _ := silentPty(t, dir, args...)
		out := wait()
		if strings.Contains(out, queryBackground) || strings.Contains(out, queryCursor) {
			t.Errorf("tokenscope %s queried the terminal: %.80q", strings.Join(args, " "), out)
		}
		if len(strings.TrimSpace(out)) == 0 {
			t.Errorf("tokenscope %s wrote nothing", strings.Join(args, " "))
		}
	}

	// The TUI sees the real TERM: it asks for the background itself.
	read, wait, cmd := silentPty(t, dir)
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(read(), queryBackground) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	_ = cmd.Process.Signal(os.Interrupt)
	if out := read(); !strings.Contains(out, queryBackground) {
		t.Errorf("the TUI did not ask the terminal for its background: %q", out)
	}
	_ = cmd.Process.Kill()
	wait()
}
