package e2e

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tokenscope/tokenscope/internal/testio"
)

// serveBudget bounds `tokenscope serve` with three
// sessions whose clients claim a 10000x10000 terminal.
const serveBudget = 100 << 20

// TestServeHugePTYMemory: three sessions of `tokenscope serve` (the real
// binary) ask for 10000x10000 ptys, open the help screen and close it; the
// server's peak resident memory (VmHWM) stays within 100 MB, because the
// TUI draws at 500x200 at most.
func TestServeHugePTYMemory(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("needs Linux /proc to read the resident memory")
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--open")
	cmd.Env = cleanEnv(dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr testio.SyncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	addr := serveAddr(t, stdout)
	go func() { _, _ = io.Copy(io.Discard, stdout) }()

	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hugeSession(t, addr)
		}()
	}
	wg.Wait()
	pid := cmd.Process.Pid
	rss, peak := memory(t, pid, "VmRSS"), memory(t, pid, "VmHWM")
	t.Logf("serve, 3 sessions at 10000x10000: VmRSS %.1f MB, VmHWM (peak) %.1f MB; budget %d MB", mb(rss), mb(peak), serveBudget>>20)
	if peak > serveBudget {
		t.Errorf("VmHWM %.1f MB; budget %d MB", mb(peak), serveBudget>>20)
	}
	if !strings.Contains(stderr.String(), "terminal size clamped") {
		t.Errorf("the server did not log the clamp:\n%s", stderr.String())
	}
}

// serveAddr reads the address from serve's banner ("SSH on 127.0.0.1:N").
func serveAddr(t *testing.T, stdout io.Reader) string {
	t.Helper()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if addr, ok := strings.CutPrefix(sc.Text(), "tokenscope serve: SSH on "); ok {
				lines <- addr
				return
			}
		}
		close(lines)
	}()
	select {
	case addr, ok := <-lines:
		if !ok {
			t.Fatal("serve printed no address")
		}
		return addr
	case <-time.After(waitTimeout):
		t.Fatal("serve did not start")
	}
	return ""
}

// hugeSession logs in with a new key, asks for a 10000x10000 pty, answers
// the terminal query, waits for the first screen, opens and closes help,
// and hangs up once the screen has settled.
func hugeSession(t *testing.T, addr string) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Error(err)
		return
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Error(err)
		return
	}
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "attendee",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitTimeout,
	})
	if err != nil {
		t.Error(err)
		return
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		t.Error(err)
		return
	}
	if err := sess.RequestPty("xterm-256color", 10000, 10000, gossh.TerminalModes{}); err != nil {
		t.Error(err)
		return
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		t.Error(err)
		return
	}
	screen := &screenOf{in: in, shown: make(chan struct{}, 1)}
	go func() { _, _ = io.Copy(screen, out) }()
	for _, step := range []struct{ key, want string }{{"", "Welcome to tokenscope."}, {"?", "Keys"}, {"\x1b", "Welcome to tokenscope."}} {
		if _, err := io.WriteString(in, step.key); err != nil {
			t.Error(err)
			return
		}
		if !screen.waitFor(step.want) {
			t.Errorf("the session never showed %q", step.want)
			return
		}
	}
}

// screenOf collects what a session shows and answers the background and
// device attributes queries as a terminal does.
type screenOf struct {
	in    io.Writer
	mu    sync.Mutex
	text  bytes.Buffer
	shown chan struct{} // a token after each write
}

func (s *screenOf) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("\x1b[c")) {
		go func() { _, _ = io.WriteString(s.in, "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c") }()
	}
	s.mu.Lock()
	s.text.Write(p)
	s.mu.Unlock()
	select {
	case s.shown <- struct{}{}:
	default:
	}
	return len(p), nil
}

// waitFor waits until want has arrived since the last call, within
// waitTimeout.
func (s *screenOf) waitFor(want string) bool {
	deadline := time.After(waitTimeout)
	for {
		s.mu.Lock()
		found := strings.Contains(ansi.Strip(s.text.String()), want)
		if found {
			s.text.Reset()
		}
		s.mu.Unlock()
		if found {
			return true
		}
		select {
		case <-s.shown:
		case <-deadline:
			return false
		}
	}
}
