package sshserver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/emulator"
)

// TestKeysHaveTheirOwnEmulator: offline, an id seen on the projector is no
// way into another attendee's tokens. Key A makes a token; key B asking for
// it by id gets resource_missing (so B cannot charge it either), while A's
// second session, sharing A's emulator, retrieves it.
func TestKeysHaveTheirOwnEmulator(t *testing.T) {
	a, b := newKey(t), newKey(t)
	ts := start(t, offlineConfig(t, a, b))
	ta := ts.open(t, a, "xterm-256color", 80, 24)
	ta.waitFor("Welcome to tokenscope.")
	ta.createVisa()
	id := waitTokens(t, ts, Workspace(a.PublicKey()), 1)[0]

	tb := ts.open(t, b, "xterm-256color", 80, 24)
	tb.waitFor("Welcome to tokenscope.")
	tb.getByID(id)
	tb.waitFor("resource_missing")
	if got := ts.tokens(t, Workspace(b.PublicKey())); len(got) != 0 {
		t.Fatalf("B's workspace got %v", got)
	}

	again := ts.open(t, a, "xterm-256color", 80, 24)
	again.waitFor(id) // its list: the workspace is A's
	again.getByID(id)
	again.waitFor("retrieved " + id)

	// A's objects are A's own, on disk, private.
	dir := filepath.Join(ts.dir, "serve", KeyDir(a.PublicKey()))
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Fatalf("%s has mode %04o, want 0700", dir, perm)
	}
	if files, err := emulator.Files(dir); len(files) == 0 {
		t.Fatalf("A's emulator keeps nothing in its dir: %v", err)
	}
}

// TestScenarioPickerListsPacksOnly: an attendee's scenario picker offers
// the built-in packs, never the server's own *.hcl files.
func TestScenarioPickerListsPacksOnly(t *testing.T) {
	wd := t.TempDir()
	if err := os.WriteFile(filepath.Join(wd, "server_private.hcl"), []byte("# the server's own\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(wd)
	key := newKey(t)
	tm := start(t, offlineConfig(t, key)).open(t, key, "xterm-256color", 100, 30)
	tm.waitFor("Welcome to tokenscope.")
	tm.typeKeys("s")
	if s := tm.waitFor("declines"); strings.Contains(s, "server_private") {
		t.Fatalf("the picker listed the server's file:\n%s", s)
	}
}
