package sshserver

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/internal/testio"
)

// When a session ends, the requests its TUI has in flight are cancelled,
// although the connection (whose context the session's derives from)
// stays open.
func TestSessionEndCancelsItsRequests(t *testing.T) {
	h := testio.HangOn(func(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/v1/tokens/") })
	key := newKey(t)
	cfg := offlineConfig(t, key)
	cfg.Offline, cfg.Client = false, client.Config{Handler: h.Wrap(http.NotFoundHandler())}
	ts := start(t, cfg)
	tm := ts.open(t, key, "xterm-256color", 80, 24)
	tm.waitFor("tokenscope")
	tm.getByID("tok_visa")
	testio.Recv(t, h.Held, "the retrieve to reach the backend")
	ts.sessions.close() // as Shutdown begins: every TUI is told to quit
	if err := tm.wait(); err != nil {
		t.Fatalf("the session did not end: %v", err)
	}
	testio.Recv(t, h.Freed, "the retrieve to be cancelled")
}
