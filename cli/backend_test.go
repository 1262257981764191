package cli

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model/state"
)

// TestBadAPIBaseIsUsage: an --api-base that is no http(s) URL is bad usage
// (exit 2) that says so, not a connection error (ftp://) or a missing key
// (notaurl).
func TestBadAPIBaseIsUsage(t *testing.T) {
	s := newSandbox(t)
	for base, want := range map[string]string{
		"ftp://127.0.0.1:1": "only http and https",
		"notaurl":           "not a URL",
		"http://":           "not a URL",
		"http://[::1":       "not a URL",
	} {
		r := s.expect(2, "--api-base", base, "get", "tok_visa")
		if !strings.Contains(r.errOut, "--api-base") || !strings.Contains(r.errOut, want) {
			t.Errorf("--api-base %s: want %q in\n%s", base, want, r.errOut)
		}
	}
}

var apiBaseSeeds = []string{
	"http://127.0.0.1:12111", "https://api.stripe.com", "http://localhost:12111/",
	"HTTP://127.0.0.1", "ftp://127.0.0.1:1", "notaurl", "http://", "://x", "http://[::1",
	"127.0.0.1:12111", "http:///path", "https://user@host/x", "",
}

// FuzzCheckAPIBase: whatever checkAPIBase accepts is an http(s) URL with a
// host, which is what the client's BaseURL needs.
func FuzzCheckAPIBase(f *testing.F) {
	for _, s := range apiBaseSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if checkAPIBase(raw) != nil {
			return
		}
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatalf("accepted %q, which url.Parse refuses: %v", raw, err)
		}
		if s := strings.ToLower(u.Scheme); (s != "http" && s != "https") || u.Hostname() == "" {
			t.Fatalf("accepted %q: scheme %q, host %q", raw, u.Scheme, u.Hostname())
		}
	})
}

// holdStateLock holds the sandbox's state lock, as another tokenscope in
// the middle of a write would, until the returned func is called. It
// returns the lock's ID, which force-unlock takes.
func holdStateLock(t *testing.T, s *sandbox) (id string, release func()) {
	t.Helper()
	store, err := state.Open(state.Options{Dir: s.dir})
	if err != nil {
		t.Fatal(err)
	}
	held, free, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		_, err := store.Update(context.Background(), "apply", func(*state.State) error {
			close(held)
			<-free
			return nil
		})
		done <- err
	}()
	select {
	case <-held:
	case err := <-done:
		t.Fatalf("hold the lock: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(s.dir, state.FileName+".lock.info"))
	if err != nil {
		t.Fatal(err)
	}
	var info state.LockInfo
	if err := json.Unmarshal(data, &info); err != nil || info.ID == "" {
		t.Fatalf("lock info %s: %v", data, err)
	}
	var once sync.Once // a second call waits for the first to finish
	return info.ID, func() {
		once.Do(func() {
			close(free)
			if err := <-done; err != nil {
				t.Errorf("lock holder: %v", err)
			}
		})
	}
}

// --lock-timeout 0s fails at once, as Terraform's -lock-timeout=0s, with
// Terraform's words and the force-unlock command for the holder's lock.
func TestLockTimeoutZeroFailsAtOnce(t *testing.T) {
	s := newSandbox(t)
	id, release := holdStateLock(t, s)
	defer release()

	start := time.Now()
	r := s.expect(1, "--lock-timeout", "0s", "create", "card", "--preset", "visa")
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("--lock-timeout 0s gave up after %s, want at once", waited)
	}
	for _, want := range []string{"Error acquiring the state lock", "tokenscope force-unlock " + id, "Operation: apply"} {
		if !strings.Contains(r.errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.errOut)
		}
	}
	if strings.Contains(r.errOut, "Acquiring state lock") {
		t.Errorf("0s said it waits:\n%s", r.errOut)
	}
}

// Without the flag a second tokenscope waits for the first one's write and
// then lands its own.
func TestLockTimeoutDefaultWaits(t *testing.T) {
	s := newSandbox(t)
	_, release := holdStateLock(t, s)
	defer release()
	go func() { time.Sleep(300 * time.Millisecond); release() }()

	r := s.ok("create", "card", "--preset", "visa", "--json")
	for _, want := range []string{"Acquiring state lock. This may take a few moments...", "waiting for the state lock held by ", "(pid ", "apply since "} {
		if !strings.Contains(r.errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.errOut)
		}
	}
	id := token(t, r.out).ID
	if ids := s.ok("state", "list").out; !strings.Contains(ids, id) {
		t.Errorf("the token made while the lock was held is not in the state: %q", ids)
	}
}

// A state file that cannot be read exits 1, as a lock error does, and
// says where the backup is; nothing is written over it.
func TestUnreadableStateExitsOne(t *testing.T) {
	s := newSandbox(t)
	s.create("card", "visa")
	path := filepath.Join(s.dir, state.FileName)
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := s.expect(1, "list")
	if !strings.Contains(r.errOut, "cannot read state") || !strings.Contains(r.errOut, "backup") {
		t.Errorf("stderr:\n%s", r.errOut)
	}
	if data, _ := os.ReadFile(path); string(data) != "{not json" {
		t.Errorf("the unreadable state was overwritten: %q", data)
	}
}
