package sshserver

import (
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// floodResizes is more window changes than x/crypto/ssh buffers for a
// channel and a connection together (16 + 16): enough to stop a server
// that takes them one at a time while it waits for something else.
const floodResizes = 200

// flood logs in, asks for a pty, and sends floodResizes window changes,
// before the shell request when beforeShell, after it otherwise. It never
// answers the TUI's terminal queries.
func (ts *testServer) flood(t *testing.T, key gossh.Signer, beforeShell bool) *gossh.Client {
	t.Helper()
	conn := ts.login(t, key)
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sess.Stdout, sess.Stderr = io.Discard, io.Discard
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	resize := func() {
		for i := range floodResizes {
			if err := sess.WindowChange(24+i%50, 80+i%100); err != nil {
				t.Errorf("window change %d: %v", i, err)
				return
			}
		}
	}
	if beforeShell {
		resize()
	}
	shell := make(chan error, 1)
	go func() { shell <- sess.Shell() }()
	select {
	case err := <-shell:
		if err != nil {
			t.Fatalf("shell: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("the server never answered the shell request")
	}
	if !beforeShell {
		resize()
	}
	return conn
}

// waitLogs waits until the server's log holds n lines with want.
func waitLogs(t *testing.T, ts *testServer, want string, n int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for strings.Count(ts.logs.String(), want) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the log holds %d %q lines, want %d:\n%s", strings.Count(ts.logs.String(), want), want, n, ts.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFree waits until no session holds a slot.
func waitFree(t *testing.T, ts *testServer) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for ts.sessions.count() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d slots still taken", ts.sessions.count())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWindowChangeFloodsFreeTheirSlots: three clients flood window changes
// without answering the terminal queries: one before its shell request
// and one after, both then hanging up, and one after that stays silent.
// Each disconnect is logged, the silent one by --idle-timeout, and all
// three slots are free for real users afterwards.
func TestWindowChangeFloodsFreeTheirSlots(t *testing.T) {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	cfg.MaxSessions = 3
	cfg.IdleTimeout = time.Second
	ts := start(t, cfg)

	ts.flood(t, key, true).Close()
	ts.flood(t, key, false).Close()
	silent := ts.flood(t, key, false)
	waitLogs(t, ts, "disconnect", 3)
	waitFree(t, ts)
	if err := silent.Wait(); err == nil {
		t.Fatal("the silent client's connection ended cleanly; want it cut by the idle timeout")
	}
	for range cfg.MaxSessions {
		ts.open(t, key, "xterm", 80, 24).waitFor("Welcome to tokenscope.")
	}
}

// TestResizesReachTheTUI: a burst of resizes while the TUI runs is
// coalesced, and the TUI ends at the last size asked for.
func TestResizesReachTheTUI(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	tm := ts.open(t, key, "xterm-256color", 80, 24)
	tm.waitFor("Welcome to tokenscope.")
	for i := range floodResizes {
		if err := tm.sess.WindowChange(24+i%10, 60+i%20); err != nil {
			t.Fatal(err)
		}
	}
	if err := tm.sess.WindowChange(40, 132); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(waitLimit)
	for !headerWiderThan(tm.text(), 80) {
		if time.Now().After(deadline) {
			t.Fatalf("the TUI never redrew at 132 columns:\n%s", tm.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// headerWiderThan reports whether some header rule on screen reaches past
// column w.
func headerWiderThan(screen string, w int) bool {
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, "tokenscope ─") && len([]rune(strings.TrimRight(line, " \r"))) > w {
			return true
		}
	}
	return false
}

// TestHugePTYIsClamped: a client that claims a 10000x10000 terminal, at
// the pty request and again by a window change, gets a TUI drawn at
// 500x200 at most, is told so in the status line, and the server logs it
// once.
func TestHugePTYIsClamped(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	tm := ts.open(t, key, "xterm-256color", 10000, 10000)
	tm.waitFor("Welcome to tokenscope.", "your terminal is 10000x10000; this server draws at most 500x200")
	tm.typeKeys("?")
	tm.settle(200 * time.Millisecond)
	first := tm.bytes()
	if err := tm.sess.WindowChange(20000, 20000); err != nil {
		t.Fatal(err)
	}
	tm.typeKeys("\x1b")
	tm.settle(200 * time.Millisecond)
	t.Logf("bytes received: %d to the help screen at 10000x10000, %d more after a resize to 20000x20000", first, tm.bytes()-first)
	if first > 1<<20 || tm.bytes()-first > 1<<20 {
		t.Fatalf("%d then %d bytes sent: frames were not clamped", first, tm.bytes()-first)
	}
	if n := strings.Count(ts.logs.String(), "terminal size clamped"); n != 1 {
		t.Fatalf("%d clamp lines in the log, want 1:\n%s", n, ts.logs.String())
	}
	if !strings.Contains(ts.logs.String(), "asked=10000x10000 drawn=500x200") {
		t.Fatalf("the clamp line does not give the sizes:\n%s", ts.logs.String())
	}
}
