package state

import (
	"bufio"
	"context"
	"math/rand/v2"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledWriterLeavesAWholeStateAndNoLock SIGKILLs a process that keeps
// writing ever bigger states, at random moments. Each time, the state must
// load whole (the old or the new file, never a torn one: its token count
// matches its serial) and the lock must be free at once.
func TestKilledWriterLeavesAWholeStateAndNoLock(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes for a few seconds")
	}
	for round := 0; round < 20; round++ {
		dir := t.TempDir()
		cmd := helperCmd(dir, "grower")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait for its first write so that the kill lands among writes.
		if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || strings.TrimSpace(line) != "ready" {
			t.Fatalf("grower: %q, %v", line, err)
		}
		time.Sleep(time.Duration(rand.IntN(300)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()

		s := openStore(t, dir, func(o *Options) {
			o.MaxTokens = -1
			o.LockTimeout = -1 // fail at once if the dead writer left the lock held
			o.OnWait = func() { t.Errorf("round %d: the killed writer left the lock held", round) }
		})
		st, err := s.Load()
		if err != nil {
			t.Fatalf("round %d: load after kill: %v", round, err)
		}
		n := len(st.Workspace("offline").Tokens)
		if int64(n) != st.Serial*growBy {
			t.Fatalf("round %d: %d tokens at serial %d, want %d: a torn or mixed state", round, n, st.Serial, st.Serial*growBy)
		}
		t.Logf("round %d: killed at serial %d (%d tokens)", round, st.Serial, n)
		// A write succeeds at once, and cleans up the dead writer's temp file.
		if _, err := s.Update(context.Background(), "create", grow); err != nil {
			t.Fatalf("round %d: update after kill: %v", round, err)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				t.Errorf("round %d: temp file %s left after the next write", round, e.Name())
			}
		}
	}
}
