package sshserver

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestUnknownKeyRefusedAtAuth(t *testing.T) {
	known, stranger := newKey(t), newKey(t)
	ts := start(t, offlineConfig(t, known))
	conn, err := ts.dial(stranger)
	if err == nil {
		conn.Close()
		t.Fatal("a key not in authorized_keys logged in")
	}
	if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("refusal: %v", err)
	}
	if logs := ts.logs.String(); !strings.Contains(logs, "key refused") || !strings.Contains(logs, Fingerprint(stranger.PublicKey())) {
		t.Fatalf("the refusal was not logged with the key's fingerprint:\n%s", logs)
	}
}

func TestNoPasswordAuth(t *testing.T) {
	ts := start(t, offlineConfig(t, newKey(t)))
	_, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User:            "attendee",
		Auth:            []gossh.AuthMethod{gossh.Password("hunter2"), gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err == nil || !strings.Contains(err.Error(), "[none]") {
		t.Fatalf("password or keyboard-interactive offered: %v", err)
	}
}

func TestKeyRemovedAfterHandshakeRefused(t *testing.T) {
	key, other := newKey(t), newKey(t)
	ts := start(t, offlineConfig(t, key, other))
	conn := ts.login(t, key)
	writeKeys(t, ts.keys, other) // key removed once it has logged in
	tm, err := ts.openOn(conn, "xterm", 80, 24)
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	wantExit1(t, tm.wait(), "the session of a removed key")
	s := tm.text()
	if !strings.Contains(s, "is not authorized") || strings.Contains(s, "Welcome") {
		t.Fatalf("removed key's session showed:\n%s", s)
	}
}

func TestSessionWithoutPTYRefused(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	sess, err := ts.login(t, key).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.CombinedOutput("list")
	wantExit1(t, err, "a session without a pty")
	if !strings.Contains(string(out), "PTY") {
		t.Fatalf("no message for a session without a pty: %q", out)
	}
}
