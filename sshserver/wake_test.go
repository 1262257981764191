package sshserver

import (
	"testing"

	"github.com/tokenscope/tokenscope/service"
)

// TestGuestWokenByAnotherServe: two tokenscope serve on one state dir (a
// room on two hosts). A token an attendee makes through one shows in
// their TUI on the other without R, and that one's emulator, on the same
// guest dir, retrieves it.
func TestGuestWokenByAnotherServe(t *testing.T) {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	first := start(t, cfg)
	cfg.Service = service.New(service.Config{Backend: service.BackendConfig{Offline: true}, StateDir: cfg.Service.StateDir()})
	second := start(t, cfg)

	watching := first.open(t, key, "xterm-256color", 100, 30)
	watching.waitFor("Welcome to tokenscope.")
	making := second.open(t, key, "xterm-256color", 100, 30)
	making.waitFor("Welcome to tokenscope.")
	making.createVisa()
	id := waitTokens(t, second, Workspace(key.PublicKey()), 1)[0]

	watching.waitFor(id)
	watching.getByID(id)
	watching.waitFor("retrieved " + id)
}
