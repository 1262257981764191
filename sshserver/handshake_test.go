package sshserver

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// rawConn is a TCP connection from the loopback address from (127.0.0.x:
// a remote IP of its own) that sends an SSH version line and nothing more.
// It reports whether the server answered with its own version (admitted)
// or with a refusal, and the line it sent.
func (ts *testServer) rawConn(t *testing.T, from string) (conn net.Conn, admitted bool, line string) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	conn, err := d.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.Write([]byte("SSH-2.0-banner-only\r\n")); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, err = bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		t.Fatalf("from %s: no line from the server: %v", from, err)
	}
	return conn, strings.HasPrefix(line, "SSH-2.0-"), line
}

// dialFrom logs in with key from the loopback address from.
func (ts *testServer) dialFrom(from string, key gossh.Signer) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	conn, err := d.Dial("tcp", ts.addr)
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, &gossh.ClientConfig{
		User:            "attendee",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(c, chans, reqs), nil
}

// TestHandshakeTimeout: a connection that sends its version line and
// nothing more is closed at the handshake timeout, and logged.
func TestHandshakeTimeout(t *testing.T) {
	cfg := offlineConfig(t, newKey(t))
	cfg.HandshakeTimeout = 300 * time.Millisecond
	ts := start(t, cfg)
	conn, admitted, line := ts.rawConn(t, "127.0.0.1")
	if !admitted {
		t.Fatalf("refused: %q", line)
	}
	started := time.Now()
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 4096)
	for {
		if _, err := conn.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatal("the server kept a connection that never logged in")
			}
			break
		}
	}
	if waited := time.Since(started); waited < 200*time.Millisecond {
		t.Fatalf("closed after %s, before the 300ms timeout", waited)
	}
	waitLogs(t, ts, "login timed out", 1)
	waitHandshakes(t, ts, 0)
}

// waitHandshakes waits until n connections are counted as logging in.
func waitHandshakes(t *testing.T, ts *testServer, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ts.handshakes.mu.Lock()
		got := ts.handshakes.total
		ts.handshakes.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d connections counted as logging in, want %d", got, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestHandshakeLimits: connections that have not logged in are limited
// per remote IP and in all; those beyond are refused with a line and a
// log line, a login from another address still gets in, and a connection
// that logs in or goes away gives its place back.
func TestHandshakeLimits(t *testing.T) {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	cfg.MaxHandshakes, cfg.MaxHandshakesPerIP = 6, 4
	ts := start(t, cfg)

	var first net.Conn
	for i := range 4 {
		conn, admitted, line := ts.rawConn(t, "127.0.0.1")
		if !admitted {
			t.Fatalf("connection %d from 127.0.0.1 refused: %q", i+1, line)
		}
		if i == 0 {
			first = conn
		}
	}
	if _, admitted, line := ts.rawConn(t, "127.0.0.1"); admitted || !strings.Contains(line, "4 connections from 127.0.0.1 are logging in already") {
		t.Fatalf("a 5th connection from 127.0.0.1 got %q, want a refusal", line)
	}
	// A real user elsewhere logs in, and then counts no more.
	user, err := ts.dialFrom("127.0.0.2", key)
	if err != nil {
		t.Fatalf("a login from 127.0.0.2: %v", err)
	}
	defer user.Close()
	waitHandshakes(t, ts, 4)
	for i := range 2 {
		if _, admitted, line := ts.rawConn(t, "127.0.0.3"); !admitted {
			t.Fatalf("connection %d from 127.0.0.3 refused: %q", i+1, line)
		}
	}
	if _, admitted, line := ts.rawConn(t, "127.0.0.4"); admitted || !strings.Contains(line, "6 connections are logging in already") {
		t.Fatalf("a 7th connection in all got %q, want a refusal", line)
	}
	if logs := ts.logs.String(); !strings.Contains(logs, "connection refused") || !strings.Contains(logs, "remote=127.0.0.1:") {
		t.Fatalf("no refusal logged:\n%s", logs)
	}
	first.Close()
	waitHandshakes(t, ts, 5)
	if _, admitted, line := ts.rawConn(t, "127.0.0.1"); !admitted {
		t.Fatalf("refused after a connection went away: %q", line)
	}
}

// TestBannerFloodLeavesRoomToLogIn: 500 connections from one address
// that send their version line and stop; a user from another address
// logs in and gets the TUI, with the limits `serve` starts with.
func TestBannerFloodLeavesRoomToLogIn(t *testing.T) {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	cfg.HandshakeTimeout = DefaultHandshakeTimeout
	cfg.MaxHandshakes, cfg.MaxHandshakesPerIP = DefaultMaxHandshakes, DefaultMaxHandshakesPerIP
	ts := start(t, cfg)
	admitted := 0
	for range 500 {
		if _, ok, _ := ts.rawConn(t, "127.0.0.1"); ok {
			admitted++
		}
	}
	if admitted != DefaultMaxHandshakesPerIP {
		t.Fatalf("%d of 500 banner-only connections admitted, want %d", admitted, DefaultMaxHandshakesPerIP)
	}
	conn, err := ts.dialFrom("127.0.0.2", key)
	if err != nil {
		t.Fatalf("a login during the flood: %v", err)
	}
	tm, err := ts.openOn(conn, "xterm", 80, 24)
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	t.Cleanup(tm.close)
	tm.waitFor("Welcome to tokenscope.")
	// The refusals are logged once a second at most, each line with the
	// number left out since the one before.
	if n := strings.Count(ts.logs.String(), "connection refused"); n < 1 || n > 10 {
		t.Fatalf("%d refusal lines for 490 refusals:\n%s", n, ts.logs.String())
	}
}
