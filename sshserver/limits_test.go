package sshserver

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tokenscope/tokenscope/service"
)

// TestConcurrentSessionsSeeOnlyTheirOwn: 20 attendees, 20 keys, each makes
// a token at the same time; each workspace holds exactly its own, and no
// screen ever shows another attendee's token.
func TestConcurrentSessionsSeeOnlyTheirOwn(t *testing.T) {
	const n = 20
	keys := make([]gossh.Signer, n)
	for i := range keys {
		keys[i] = newKey(t)
	}
	ts := start(t, offlineConfig(t, keys...))
	terms := make([]*term, n)
	var wg sync.WaitGroup
	for i := range keys {
		terms[i] = ts.open(t, keys[i], "xterm-256color", 80, 24)
		wg.Add(1)
		go func(tm *term) {
			defer wg.Done()
			tm.waitFor("Welcome to tokenscope.")
			tm.createVisa()
		}(terms[i])
	}
	wg.Wait()
	ids := make([]string, n)
	for i, k := range keys {
		got := waitTokens(t, ts, Workspace(k.PublicKey()), 1)
		if len(got) != 1 {
			t.Fatalf("session %d's workspace holds %v", i, got)
		}
		ids[i] = got[0]
	}
	for i, tm := range terms {
		tm.typeKeys("\x1b")
		screen := tm.waitFor(ids[i])
		for j, id := range ids {
			if j != i && strings.Contains(screen, id) {
				t.Fatalf("session %d was shown session %d's token %s", i, j, id)
			}
		}
	}
	st, err := ts.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Workspaces) != n {
		t.Fatalf("%d workspaces in the state, want %d", len(st.Workspaces), n)
	}
}

func TestMaxSessions(t *testing.T) {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	cfg.MaxSessions = 2
	ts := start(t, cfg)
	ts.open(t, key, "xterm", 80, 24).waitFor("Welcome")
	ts.open(t, key, "xterm", 80, 24).waitFor("Welcome")
	third := ts.open(t, key, "xterm", 80, 24)
	wantExit1(t, third.wait(), "the third session")
	if s := third.text(); !strings.Contains(s, "the server is full (2 sessions)") {
		t.Fatalf("third session was told:\n%s", s)
	}
}

func TestShutdownTellsSessions(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	tm := ts.open(t, key, "xterm-256color", 80, 24)
	tm.waitFor("Welcome")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	shut := make(chan error, 1)
	go func() { shut <- ts.Shutdown(ctx) }()
	tm.waitFor("server shutting down")
	if err := tm.wait(); err != nil {
		t.Fatalf("session ended with %v on shutdown, want exit 0", err)
	}
	tm.close() // the client hangs up, as ssh does when its session ends
	if err := <-shut; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := <-ts.done; err != nil {
		t.Fatalf("Serve after Shutdown: %v", err)
	}
	if logs := ts.logs.String(); !strings.Contains(logs, "disconnect") || !strings.Contains(logs, "duration") {
		t.Fatalf("no disconnect line:\n%s", logs)
	}
}

func TestShutdownClosesStuckConnections(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	conn := ts.login(t, key)
	// A session channel with no shell yet: no TUI to quit, and the server
	// has surely counted the connection once it accepted the channel.
	if _, err := conn.NewSession(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := ts.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Shutdown with a connection that stays: %v", err)
	}
	if err := conn.Wait(); err == nil {
		t.Fatal("the connection was not closed at the deadline")
	}
}

func TestCheck(t *testing.T) {
	keys := filepath.Join(t.TempDir(), "authorized_keys")
	writeKeys(t, keys, newKey(t))
	dir := t.TempDir()
	svc := func(b service.BackendConfig, dir string) *service.Service {
		return service.New(service.Config{Backend: b, StateDir: dir})
	}
	key := "sk_test_" + strings.Repeat("x", 20) + "9876"
	stripe := svc(service.BackendConfig{Key: key}, dir)
	offline := svc(service.BackendConfig{Offline: true}, dir)
	cases := []struct {
		name string
		cfg  Config
		want string // "" = accepted
	}{
		{"loopback with keys", Config{Listen: "127.0.0.1:2222", AuthorizedKeys: keys, Service: stripe}, ""},
		{"remote with keys", Config{Listen: "0.0.0.0:2222", AuthorizedKeys: keys, Service: stripe}, ""},
		{"open offline", Config{Listen: "0.0.0.0:2222", Open: true, Service: offline}, ""},
		{"open with a Stripe key", Config{Listen: "127.0.0.1:2222", Open: true, Service: stripe}, "only with the offline backend"},
		{"open with --api-base", Config{Listen: "127.0.0.1:2222", Open: true, Service: svc(service.BackendConfig{BaseURL: "http://127.0.0.1:12111"}, dir)}, "only with the offline backend"},
		{"remote without keys file", Config{Listen: "0.0.0.0:2222", AuthorizedKeys: keys + ".missing", Service: offline}, "reachable from other machines"},
		{"all interfaces without keys file", Config{Listen: ":2222", AuthorizedKeys: keys + ".missing", Service: offline}, "reachable from other machines"},
		{"loopback without keys file", Config{Listen: "localhost:2222", AuthorizedKeys: keys + ".missing", Service: offline}, "--authorized-keys"},
		{"offline without a state dir", Config{Listen: "127.0.0.1:2222", AuthorizedKeys: keys, Service: svc(service.BackendConfig{Offline: true}, "")}, "no state dir"},
		{"no keys at all", Config{Listen: "127.0.0.1:2222", Service: offline}, "no --authorized-keys"},
		{"bad listen", Config{Listen: "2222", AuthorizedKeys: keys, Service: offline}, "--listen"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.cfg.Check()
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("got %v, want an error with %q", err, c.want)
			case err != nil && strings.Contains(err.Error(), key): // not "9876": temp dir names may hold it
				t.Fatalf("the error shows the key: %v", err)
			}
		})
	}
}

func TestEmptyKeysFileRefused(t *testing.T) {
	cfg := offlineConfig(t) // a file with a comment and a bad line only
	err := cfg.Check()
	if err == nil || !strings.Contains(err.Error(), "holds no public key") {
		t.Fatalf("got %v", err)
	}
}

// TestShutdownBeforeServe: a signal during startup must not leave Serve
// accepting forever.
func TestShutdownBeforeServe(t *testing.T) {
	s, err := New(offlineConfig(t, newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve after Shutdown: %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Serve kept accepting after Shutdown")
	}
}

// TestNoPTYSaysUseSSHT: `ssh host` with a command, or with input that is
// not a terminal, gets no pty; the session says what to do instead.
func TestNoPTYSaysUseSSHT(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	sess, err := ts.login(t, key).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.CombinedOutput("")
	wantExit1(t, err, "a session without a pty")
	if s := string(out); !strings.Contains(s, "needs a terminal") || !strings.Contains(s, "ssh -t") {
		t.Fatalf("a session without a pty was told %q", s)
	}
}
