package sshserver

import (
	"encoding/base64"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/service"
)

// colour matches an SGR sequence that sets a foreground or background
// colour (30-37, 38;…, 40-47, 48;…, 90-97, 100-107).
var colour = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

func TestNoColorFromClientEnv(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	plain := ts.open(t, key, "xterm-256color", 80, 24, "NO_COLOR=1")
	plain.waitFor("Welcome to tokenscope.")
	plain.settle(100 * time.Millisecond)
	if m := colour.FindString(plain.raw()); m != "" {
		t.Fatalf("NO_COLOR session got a colour escape %q", m)
	}
	coloured := ts.open(t, key, "xterm-256color", 80, 24)
	coloured.waitFor("Welcome to tokenscope.")
	coloured.settle(100 * time.Millisecond)
	if colour.FindString(coloured.raw()) == "" {
		t.Fatal("a session without NO_COLOR got no colour at all: the check above proves nothing")
	}
}

// TestServerNoColor: serve --no-color takes colour away from every
// session, whatever the client's environment says.
func TestServerNoColor(t *testing.T) {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	cfg.NoColor = true
	tm := start(t, cfg).open(t, key, "xterm-256color", 80, 24)
	tm.waitFor("Welcome to tokenscope.")
	tm.settle(100 * time.Millisecond)
	if m := colour.FindString(tm.raw()); m != "" {
		t.Fatalf("a session of a --no-color server got a colour escape %q", m)
	}
}

func TestSizeFromPTY(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	tm := ts.open(t, key, "xterm-256color", 132, 40)
	s := tm.waitFor("Welcome to tokenscope.")
	// The header spans the terminal: its rule reaches past column 80.
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, "tokenscope ─") && len([]rune(strings.TrimRight(line, " \r"))) > 80 {
			return
		}
	}
	t.Fatalf("no header wider than 80 columns at 132x40:\n%s", s)
}

// TestSharedBackendHidesKey: with a Stripe test key every session shares
// one client; the header shows ••••last4 and the key itself is never sent
// to a session or written to the log.
func TestSharedBackendHidesKey(t *testing.T) {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	secret := "sk_test_" + strings.Repeat("S3cr3t", 4) + "Zq42"
	cfg.Service = service.New(service.Config{Backend: service.BackendConfig{Key: secret}, StateDir: cfg.Service.StateDir()})
	ts := start(t, cfg)
	tm := ts.open(t, key, "xterm-256color", 100, 24)
	tm.waitFor("tokenscope", "••••Zq42")
	tm.typeKeys("q")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(tm.raw(), "S3cr3t") {
		t.Fatal("the key was sent to the session")
	}
	logs := ts.logs.String()
	if !strings.Contains(logs, "connect") || !strings.Contains(logs, Fingerprint(key.PublicKey())) {
		t.Fatalf("no connect line with the key's fingerprint:\n%s", logs)
	}
	if strings.Contains(logs, "S3cr3t") {
		t.Fatalf("the key is in the log:\n%s", logs)
	}
}

// TestCopyWritesOSC52ToTheSession: y (then enter: the token's id, the
// picker's first) sends the id to the SSH client's
// terminal (OSC 52, which crosses SSH and tmux), and the id stays on
// screen for terminals that ignore OSC 52.
func TestCopyWritesOSC52ToTheSession(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	tm := ts.open(t, key, "xterm-256color", 80, 24)
	tm.waitFor("Welcome to tokenscope.")
	tm.getByID("tok_visa")
	tm.waitFor("retrieved tok_visa")
	tm.typeKeys("y") // the picker: the token, its card, the request that read it
	tm.waitFor("Copy which id?", "card_")
	tm.typeKeys("\r")
	tm.waitFor("copied tok_visa", "OSC 52")
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("tok_visa"))
	if !strings.Contains(tm.raw(), want) {
		t.Fatalf("no OSC 52 with the id in the session's output")
	}
}
