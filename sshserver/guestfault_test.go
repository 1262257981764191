package sshserver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A guest told to ask whoever runs tokenscope serve (here: the state file
// is corrupt) is not the only one told: serve's log has one line for it,
// with the guest, the code and the server's path, however often the
// guest's screen draws the error (testui#11).
func TestGuestFaultIsLoggedOnce(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	tm := ts.open(t, key, "xterm-256color", 100, 30)
	tm.waitFor("Welcome to tokenscope.")
	statePath := filepath.Join(ts.dir, "state.json")
	if err := os.WriteFile(statePath, []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm.createVisa()
	tm.waitFor("! state_corrupt", "the server could not read or write its files")
	tm.typeKeys("j", "k") // the error pane drawn again
	time.Sleep(200 * time.Millisecond)

	logs := ts.logs.String()
	if n := strings.Count(logs, "guest error"); n != 1 {
		t.Fatalf("%d guest error lines, want 1:\n%s", n, logs)
	}
	line := logs[strings.Index(logs, "guest error"):]
	line, _, _ = strings.Cut(line, "\n")
	for _, want := range []string{"code=state_corrupt", statePath, "key=" + Fingerprint(key.PublicKey())} {
		if !strings.Contains(line, want) {
			t.Errorf("the line lacks %q: %s", want, line)
		}
	}
	if strings.Contains(tm.text(), statePath) {
		t.Errorf("the guest was shown the server's path:\n%s", tm.text())
	}
}
