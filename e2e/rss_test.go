package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// rssBudget is the README's budget (Figures) for the TUI's resident memory with
// 10,000 tokens in the state.
const rssBudget = 40 << 20

// TestTUIRSS10k starts the TUI on a state of 10,000 tokens, moves around
// the list (down, bottom, top, a filter) and reads the process's resident
// memory from /proc: the budget is 40 MB.
func TestTUIRSS10k(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("needs Linux /proc to read the resident memory")
	}
	dir := t.TempDir()
	seedTokens(t, dir, 10_000)
	if fi, err := os.Stat(dir + "/state.json"); err == nil {
		t.Logf("state.json: %.1f MB", mb(fi.Size()))
	}

	start := time.Now()
	s := startTUI(t, dir, 80, 24)
	s.waitFor("the list of 10,000 tokens", " 10000 tokens")
	// Wall time to the list on screen, tmux start-up and 25 ms polling
	// included: a ceiling on what a person waits, not the frame's cost.
	t.Logf("start to the list of 10,000 tokens on screen: %s", time.Since(start).Round(time.Millisecond))
	pid := s.binaryPID()
	// One key at a time, each waited for: keys that arrive in one read are
	// taken as typed text, not as commands.
	for _, k := range []struct{ key, pos string }{{"j", "2/10000"}, {"G", "10000/10000"}, {"g", "1/10000"}} {
		s.keys(k.key)
		s.waitFor("the selection at "+k.pos, k.pos)
	}
	s.keys("/")
	s.waitFor("the filter prompt", "esc clear filter")
	s.keys("9999")
	s.waitFor("the filter down to one token", "1 of 10000 tokens", "tok_1Qx000000000000000009999")
	s.keys("Escape")
	s.waitFor("the whole list again", "  10000 tokens", listFooter)

	rss, peak := memory(t, pid, "VmRSS"), memory(t, pid, "VmHWM")
	t.Logf("TUI with 10,000 tokens: VmRSS %.1f MB, VmHWM (peak) %.1f MB; budget %d MB", mb(rss), mb(peak), rssBudget>>20)
	if rss > rssBudget {
		t.Errorf("VmRSS %.1f MB with 10,000 tokens; budget %d MB", mb(rss), rssBudget>>20)
	}
	quitRestores(t, s)
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

// seedTokens fills dir's state with n card tokens: one made by the binary
// (so the workspace and the record are exactly what it writes), copied
// under new ids through the state package, newest first.
func seedTokens(t *testing.T, dir string, n int) {
	t.Helper()
	if r := run(t, dir, "create", "card", "--preset", "visa"); r.code != 0 {
		t.Fatalf("create: exit %d\n%s", r.code, r.stderr)
	}
	store, err := state.Open(state.Options{Dir: dir, MaxTokens: -1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.Update(context.Background(), "e2e seed", func(st *state.State) error {
		for _, w := range st.Workspaces {
			if len(w.Tokens) != 1 {
				continue
			}
			base := w.Tokens[0]
			tokens := make([]model.Record, n)
			for i := range tokens {
				r := base
				r.ID = fmt.Sprintf("tok_1Qx%021d", i)
				r.Raw = bytes.ReplaceAll(base.Raw, []byte(base.ID), []byte(r.ID))
				r.Created -= int64(i * 60)
				tokens[i] = r
			}
			w.Tokens = tokens
			return nil
		}
		return fmt.Errorf("no workspace holds the token just created: %+v", st.Workspaces)
	})
	if err != nil {
		t.Fatalf("seeding %d tokens: %v", n, err)
	}
}

// binaryPID is the pid of tokenscope: the child of the pane's shell.
func (s *tui) binaryPID() int {
	s.t.Helper()
	shell := s.display("#{pane_pid}")
	data, err := os.ReadFile("/proc/" + shell + "/task/" + shell + "/children")
	if err != nil {
		s.t.Fatalf("children of the pane's shell %s: %v", shell, err)
	}
	fields := strings.Fields(string(data))
	if len(fields) != 1 {
		s.t.Fatalf("the pane's shell %s has children %q, want tokenscope alone", shell, fields)
	}
	pid, err := strconv.Atoi(fields[0])
	if err != nil {
		s.t.Fatal(err)
	}
	return pid
}

// memory reads a Vm* line of /proc/PID/status, in bytes.
func memory(t testing.TB, pid int, field string) int64 {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}
