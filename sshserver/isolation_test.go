package sshserver

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenscope/tokenscope/client/emulator"
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
	ta.typeKeys("n", "\r")
	ta.waitFor("Preset")
	ta.typeKeys("\r")
	ta.waitFor("Plan: 1 to add")
	ta.typeKeys("\r")
	id := waitTokens(t, ts, Workspace(a.PublicKey()), 1)[0]

	tb := ts.open(t, b, "xterm-256color", 80, 24)
	tb.waitFor("Welcome to tokenscope.")
	tb.typeKeys("i")
	tb.waitFor("Token id")
	tb.typeKeys(id, "\r")
	tb.waitFor("resource_missing")
	if got := ts.tokens(t, Workspace(b.PublicKey())); len(got) != 0 {
		t.Fatalf("B's workspace got %v", got)
	}

	again := ts.open(t, a, "xterm-256color", 80, 24)
	again.waitFor(id) // its list: the workspace is A's
	again.typeKeys("i")
	again.waitFor("Token id")
	again.typeKeys(id, "\r")
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
	if _, err := os.Stat(filepath.Join(dir, emulator.FileName)); err != nil {
		t.Fatalf("A's emulator keeps nothing in its dir: %v", err)
	}
}

// TestEmulatorsFollowSessions: a key's sessions share one emulator, and it
// is let go when the last of them is over.
func TestEmulatorsFollowSessions(t *testing.T) {
	es := newEmulators(t.TempDir())
	a, b := newKey(t).PublicKey(), newKey(t).PublicKey()
	a1, releaseA1, err := es.acquire(a)
	if err != nil {
		t.Fatal(err)
	}
	a2, releaseA2, _ := es.acquire(a)
	bEmu, releaseB, _ := es.acquire(b)
	if a1 != a2 || a1 == bEmu {
		t.Fatal("not one emulator per key")
	}
	releaseA1()
	releaseA1() // twice is once
	if len(es.open) != 2 {
		t.Fatalf("%d emulators open with a session of each key left, want 2", len(es.open))
	}
	releaseA2()
	releaseB()
	if len(es.open) != 0 {
		t.Fatalf("%d emulators open after every session ended", len(es.open))
	}
}
