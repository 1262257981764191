package e2e

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/emulator"
)

// The write-ahead record's promise, tried the hard way: 200
// creates, uses and scenario applies of the real binary, offline (so a
// kill can land in the emulator's own write too), each killed with
// SIGKILL at a random point of its run (a create takes about 400 ms on 2
// busy cores, an apply 2 s; a fixed seed, so a failure repeats). Once the next command has run (every command sends
// again what the last left pending; here a final refresh), every token,
// charge and customer the emulator holds is in the state: 0 orphans.
func TestKilledWritesLeaveNoOrphans(t *testing.T) {
	if testing.Short() {
		t.Skip("200 runs of the binary")
	}
	dir := filepath.Join(t.TempDir(), "state")
	rng := rand.New(rand.NewPCG(11, 200))
	presets := []string{"visa", "mastercard", "amex", "insufficient_funds", "generic_decline"}
	killed := 0
	for range 200 {
		var args []string
		limit := 600
		switch n := rng.IntN(10); {
		case n < 5:
			args = []string{"create", "card", "--preset", presets[rng.IntN(len(presets))], "--json"}
		case n < 8:
			id := unusedToken(t, dir, rng)
			if id == "" {
				args = []string{"create", "card", "--preset", "visa"}
				break
			}
			args = []string{"use", id, "--charge", "1000"}
			if n == 7 {
				args = []string{"use", id, "--customer"}
			}
		default:
			args = []string{"apply", []string{"pack:declines", "pack:brands"}[rng.IntN(2)], "--auto-approve", "--replace-all"}
			limit = 2500
		}
		delay := time.Duration(rng.IntN(limit)) * time.Millisecond
		if runKilled(t, dir, delay, args...) {
			killed++
		}
	}
	if r := run(t, dir, "refresh"); r.code != 0 {
		t.Fatalf("refresh after the kills: exit %d\n%s", r.code, r.stderr)
	}
	orphans, made := countOrphans(t, dir)
	t.Logf("200 runs, %d killed before they finished; the emulator holds %d objects; orphans: %d", killed, made, len(orphans))
	if len(orphans) != 0 {
		t.Errorf("orphans (in the emulator, not in the state): %v", orphans)
	}
	if st := readState(t, dir); len(st.Workspaces["offline"].Pending) != 0 {
		t.Errorf("left pending: %+v", st.Workspaces["offline"].Pending)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.Contains(e.Name(), ".tmp") {
			t.Errorf("a temp file a kill left is still there: %s", e.Name())
		}
	}
}

// runKilled starts the binary and kills it (SIGKILL) after delay; it
// reports whether the kill came before the command finished.
func runKilled(t *testing.T, dir string, delay time.Duration, args ...string) bool {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = cleanEnv(dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return false
	case <-time.After(delay):
		cmd.Process.Kill()
		<-done
		return true
	}
}

// stateFile is what the test reads of state.json.
type stateFile struct {
	Workspaces map[string]struct {
		Tokens []struct {
			ID   string `json:"id"`
			Used bool   `json:"used"`
			Uses []struct {
				ObjectID string `json:"object_id"`
			} `json:"uses"`
		} `json:"tokens"`
		Pending []json.RawMessage `json:"pending"`
	} `json:"workspaces"`
}

func readState(t *testing.T, dir string) stateFile {
	t.Helper()
	var st stateFile
	data, err := os.ReadFile(filepath.Join(dir, "state.json"))
	if os.IsNotExist(err) {
		return st
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatalf("state.json: %v", err)
	}
	return st
}

// unusedToken picks an unused token of the state, "" if none.
func unusedToken(t *testing.T, dir string, rng *rand.Rand) string {
	var ids []string
	for _, tok := range readState(t, dir).Workspaces["offline"].Tokens {
		if !tok.Used {
			ids = append(ids, tok.ID)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return ids[rng.IntN(len(ids))]
}

// countOrphans lists the tokens, charges and customers the offline
// emulator holds that the state does not name (a token by its id, a
// charge or customer as a use's object), and counts what it holds.
func countOrphans(t *testing.T, dir string) (orphans []string, made int) {
	t.Helper()
	known := map[string]bool{}
	for _, tok := range readState(t, dir).Workspaces["offline"].Tokens {
		known[tok.ID] = true
		for _, u := range tok.Uses {
			known[u.ObjectID] = true
		}
	}
	store, err := emulator.OpenLogStore(dir, emulator.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	err = store.View(context.Background(), func(r emulator.Reader) error {
		for _, coll := range []string{"tokens", "charges", "customers"} {
			if err := r.Scan(coll, "", false, func(id string, _ json.RawMessage) bool {
				made++
				if !known[id] {
					orphans = append(orphans, id)
				}
				return true
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return orphans, made
}
