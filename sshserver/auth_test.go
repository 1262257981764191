package sshserver

import (
	"os"
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

// A line of authorized_keys that is not a key is reported to the log, by
// file, line number and key type, never with its key material, and the
// keys after it still log in.
func TestBadAuthorizedKeysLineReportedAndSkipped(t *testing.T) {
	first, last := newKey(t), newKey(t)
	cfg := offlineConfig(t)
	data := "# keys\n" + string(gossh.MarshalAuthorizedKey(first.PublicKey())) +
		"ssh-ed25519 AAAAC3NzaBrokenKeyMaterial jenny@laptop\n" +
		string(gossh.MarshalAuthorizedKey(last.PublicKey()))
	if err := os.WriteFile(cfg.AuthorizedKeys, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	ts := start(t, cfg)
	ts.login(t, last).Close()
	logs := ts.logs.String()
	if !strings.Contains(logs, cfg.AuthorizedKeys) || !strings.Contains(logs, "line=3") || !strings.Contains(logs, "ssh-ed25519") {
		t.Errorf("the bad line was not reported with its file, line and type:\n%s", logs)
	}
	if strings.Contains(logs, "BrokenKeyMaterial") || strings.Contains(logs, "jenny@laptop") {
		t.Errorf("the log holds the line's key material:\n%s", logs)
	}
	if n := strings.Count(logs, "line=3"); n != 1 {
		t.Errorf("the bad line was reported %d times; once per content of the file is enough:\n%s", n, logs)
	}
}

// An authorized keys file others can write is refused, as sshd's
// StrictModes does: at start, and at a login after it was made so (any
// local user could have added a key), with the reason in the log.
func TestWritableKeysFileRefused(t *testing.T) {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	ts := start(t, cfg)
	ts.login(t, key).Close()
	if err := os.Chmod(cfg.AuthorizedKeys, 0o666); err != nil {
		t.Fatal(err)
	}
	if conn, err := ts.dial(key); err == nil {
		conn.Close()
		t.Fatal("logged in with a world-writable authorized keys file")
	}
	if logs := ts.logs.String(); !strings.Contains(logs, "writable by other users") {
		t.Errorf("the refusal's reason is not in the log:\n%s", logs)
	}
	if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), "chmod go-w") {
		t.Errorf("serve starts with a world-writable keys file: %v", err)
	}
}
