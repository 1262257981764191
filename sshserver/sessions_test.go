package sshserver

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/service"
)

// When a session ends, the requests its TUI has in flight are cancelled,
// although the connection (whose context the session's derives from)
// stays open.
func TestSessionEndCancelsItsRequests(t *testing.T) {
	h := testio.HangOn(func(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/v1/tokens/") })
	key := newKey(t)
	cfg := offlineConfig(t, key)
	api, err := client.New(client.Config{Handler: h.Wrap(http.NotFoundHandler())})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Service = service.New(service.Config{StateDir: cfg.Service.StateDir(), API: api})
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
