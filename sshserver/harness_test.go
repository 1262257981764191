package sshserver

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tokenscope/tokenscope/model/state"
)

// testServer is a running server on 127.0.0.1:0 with its state dir.
type testServer struct {
	*Server
	addr  string
	dir   string
	keys  string // the authorized_keys file
	store *state.Store
	logs  *testio.SyncBuffer
	done  chan error // Serve's result
}

// newKey makes an ed25519 client key.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// writeKeys writes an authorized_keys file admitting signers.
func writeKeys(t testing.TB, path string, signers ...gossh.Signer) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("# tokenscope test keys\n\nnot a key line\n")
	for _, s := range signers {
		b.Write(gossh.MarshalAuthorizedKey(s.PublicKey()))
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// offlineConfig is an offline server config in a fresh state dir.
func offlineConfig(t testing.TB, signers ...gossh.Signer) Config {
	t.Helper()
	dir := t.TempDir()
	keys := filepath.Join(dir, "authorized_keys")
	writeKeys(t, keys, signers...)
	return Config{
		Listen:         "127.0.0.1:0",
		AuthorizedKeys: keys,
		HostKey:        filepath.Join(dir, "ssh_host_ed25519_key"),
		Service:        service.New(service.Config{Backend: service.BackendConfig{Offline: true}, StateDir: dir}),
	}
}

// start runs cfg on 127.0.0.1:0 until the test ends.
func start(t testing.TB, cfg Config) *testServer {
	t.Helper()
	logs := &testio.SyncBuffer{}
	if cfg.Log == nil {
		cfg.Log = log.NewWithOptions(logs, log.Options{})
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: cfg.Service.StateDir()})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, addr: ln.Addr().String(), dir: filepath.Dir(cfg.HostKey), keys: cfg.AuthorizedKeys, store: store, logs: logs, done: make(chan error, 1)}
	go func() { ts.done <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.Shutdown(ctx)
	})
	return ts
}

// dial connects with key; the server's host key is not checked (a test
// server makes a new one every time).
func (ts *testServer) dial(key gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User:            "attendee",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
}

// login connects with key and hangs up when the test ends.
func (ts *testServer) login(t testing.TB, key gossh.Signer) *gossh.Client {
	t.Helper()
	conn, err := ts.dial(key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// wantExit1 fails unless a session ended with exit status 1.
func wantExit1(t testing.TB, err error, what string) {
	t.Helper()
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Fatalf("%s ended with %v, want exit 1", what, err)
	}
}

// term is one interactive session as a terminal sees it: everything the
// server wrote, and a way to type.
type term struct {
	t     testing.TB
	conn  *gossh.Client
	sess  *gossh.Session
	in    io.WriteCloser
	mu    sync.Mutex
	out   bytes.Buffer // everything received, raw
	total int          // bytes received so far
	ended chan error
}

// open starts a shell session with a pty of the given size and TERM, as
// `ssh -t` does. env is sent before the pty request.
func (ts *testServer) open(t testing.TB, key gossh.Signer, termName string, w, h int, env ...string) *term {
	t.Helper()
	conn, err := ts.dial(key)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := ts.openOn(conn, termName, w, h, env...)
	if err != nil {
		conn.Close()
		t.Fatal(err)
	}
	tm.t = t
	t.Cleanup(tm.close)
	return tm
}

func (ts *testServer) openOn(conn *gossh.Client, termName string, w, h int, env ...string) (*term, error) {
	sess, err := conn.NewSession()
	if err != nil {
		return nil, err
	}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if err := sess.Setenv(k, v); err != nil {
			return nil, err
		}
	}
	if err := sess.RequestPty(termName, h, w, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		return nil, err
	}
	tm := &term{conn: conn, sess: sess, ended: make(chan error, 1)}
	if tm.in, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	sess.Stderr = tm // a pty has one stream; wish.Fatalln writes to stderr
	go func() {
		_, _ = io.Copy(tm, stdout)
	}()
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	go func() { tm.ended <- sess.Wait() }()
	return tm, nil
}

// Write receives server output and answers the terminal queries a real
// terminal would (background colour, device attributes), as wish asks
// them before the TUI starts.
func (tm *term) Write(p []byte) (int, error) {
	tm.mu.Lock()
	tm.out.Write(p)
	tm.total += len(p)
	tm.mu.Unlock()
	if bytes.Contains(p, []byte("\x1b[c")) {
		go tm.in.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c"))
	}
	return len(p), nil
}

// text is everything shown so far, escape sequences removed.
func (tm *term) text() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(tm.out.String())
}

func (tm *term) raw() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

func (tm *term) bytes() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.total
}

// waitLimit bounds every wait for a screen or the state: a guard against a
// hang, not a speed check. Twenty sessions on a loaded 2-core CI machine
// have taken more than 10 s to draw.
const waitLimit = 60 * time.Second

// waitFor waits until every want has been shown.
func (tm *term) waitFor(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		s := tm.text()
		missing := ""
		for _, w := range want {
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it showed:\n%s", missing, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// settle waits until nothing has arrived for quiet.
func (tm *term) settle(quiet time.Duration) {
	last, since := tm.bytes(), time.Now()
	for time.Since(since) < quiet {
		time.Sleep(quiet / 10)
		if n := tm.bytes(); n != last {
			last, since = n, time.Now()
		}
	}
}

// typeKeys sends keys, one write each ("\r" is enter), pausing between
// them as a person would.
func (tm *term) typeKeys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if _, err := tm.in.Write([]byte(k)); err != nil {
			tm.t.Fatalf("typing %q: %v", k, err)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// createVisa makes a token from the first screen: new, card, the visa
// preset, apply the plan.
func (tm *term) createVisa() {
	tm.t.Helper()
	tm.typeKeys("n", "\r")
	tm.waitFor("Preset")
	tm.typeKeys("\r")
	tm.waitFor("Plan: 1 to add, 0 to change, 0 to destroy.")
	// A person reads the plan: an enter sooner than this after it opened
	// is taken as typed ahead, and does not apply it.
	time.Sleep(common.DefaultPlanSettle)
	tm.typeKeys("\r")
}

// getByID asks for a token by id (i).
func (tm *term) getByID(id string) {
	tm.t.Helper()
	tm.typeKeys("i")
	tm.waitFor("Token id")
	tm.typeKeys(id, "\r")
}

// wait returns how the session ended (nil: exit 0).
func (tm *term) wait() error {
	select {
	case err := <-tm.ended:
		return err
	case <-time.After(waitLimit):
		return errors.New("session did not end")
	}
}

func (tm *term) close() {
	tm.sess.Close()
	tm.conn.Close()
}

// tokens are the ids in a workspace of the state.
func (ts *testServer) tokens(t testing.TB, workspace string) []string {
	t.Helper()
	st, err := ts.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range st.Workspace(workspace).Tokens {
		ids = append(ids, r.ID)
	}
	return ids
}

// waitTokens waits until workspace holds n tokens and returns their ids.
func waitTokens(t testing.TB, ts *testServer, workspace string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		ids := ts.tokens(t, workspace)
		if len(ids) >= n {
			return ids
		}
		if time.Now().After(deadline) {
			t.Fatalf("workspace %s holds %d tokens, want %d", workspace, len(ids), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Workspace is the offline workspace of an SSH key, "offline:SHA256:…",
// where the tests look for the tokens its sessions made.
func Workspace(key gossh.PublicKey) string {
	return service.GuestWorkspace(Fingerprint(key))
}
