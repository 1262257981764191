package sshserver

import "testing"

func TestTUIOverSSHCreatesToken(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	tm := ts.open(t, key, "xterm-256color", 80, 24)
	tm.waitFor("tokenscope", "OFFLINE", "Welcome to tokenscope.")
	tm.createVisa()
	ws := Workspace(key.PublicKey())
	ids := waitTokens(t, ts, ws, 1)
	tm.typeKeys("\x1b") // back to the list
	tm.waitFor(ids[0])
	tm.typeKeys("q")
	if err := tm.wait(); err != nil {
		t.Fatalf("q: session ended with %v", err)
	}
	if got := ts.tokens(t, "offline"); len(got) != 0 {
		t.Fatalf("the shared offline workspace got %v", got)
	}
}
