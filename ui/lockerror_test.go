package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/service"
)

// A write that finds the state lock held for the whole lock timeout: the
// local user reads Terraform's lock error (the lock's id, path, holder and
// the force-unlock to run); a guest of serve, who can do none of that,
// reads what holds the state and what they can do.
func TestLockErrorForGuestAndLocal(t *testing.T) {
	for _, guest := range []bool{false, true} {
		dir := t.TempDir()
		sessionIn(t, dir, offlineAPI(t, nil), fixtures(t)) // the tokens, in the state
		s, err := service.New(service.Config{StateDir: dir, MaxTokens: -1, LockTimeout: -1, API: offlineAPI(t, nil)}).Session()
		if err != nil {
			t.Fatal(err)
		}
		info := `{"ID":"lock-1","Operation":"apply /srv/ops/plans/secret.hcl","Who":"alice@jump","PID":4242,"Created":"2026-11-26T02:40:00Z","Path":"` + filepath.Join(dir, "state.json") + `"}`
		if err := os.WriteFile(filepath.Join(dir, "state.json.lock.info"), []byte(info), 0o600); err != nil {
			t.Fatal(err)
		}
		release, err := fsutil.Lock(context.Background(), filepath.Join(dir, "state.json.lock"), time.Second, nil)
		if err != nil {
			t.Fatal(err)
		}
		a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Width: 100, Height: 30, Guest: guest}).(*App)
		a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
		press(t, a, "r") // the selected token is gone from the emulator: its mark is a write
		release()
		v := a.View()
		words := strings.Join(strings.Fields(v), " ")
		if !strings.Contains(v, "state_locked") {
			t.Fatalf("guest %v: no lock error shown:\n%s", guest, v)
		}
		if !guest {
			for _, want := range []string{"Error acquiring the state lock", "tokenscope force-unlock lock-1", "alice@jump (pid 4242)", filepath.Join(dir, "state.json")} {
				if !strings.Contains(words, want) {
					t.Errorf("the local lock error lacks %q:\n%s", want, v)
				}
			}
			continue
		}
		want := "the state is being written by another session (apply, since 02:40:00 UTC); try again in a moment, or ask whoever runs tokenscope serve"
		if !strings.Contains(words, want) {
			t.Errorf("the guest's lock error lacks %q:\n%s", want, v)
		}
		for _, leak := range []string{"alice", "4242", "force-unlock", "lock-1", "/srv/ops", dir} {
			if strings.Contains(v, leak) {
				t.Errorf("the guest's lock error names %q:\n%s", leak, v)
			}
		}
	}
}

// A background refresh (a stale token opened) that finds the lock held
// says so in the status line: the local user reads the lock error's
// text, a guest what holds the state and what to do.
func TestBackgroundRefreshLockedForGuest(t *testing.T) {
	lockErr := &state.LockError{Err: fsutil.ErrLocked, Info: &state.LockInfo{ID: "lock-1", Operation: "refresh", Who: "alice@jump", PID: 4242, Created: clock, Path: "/srv/ts/state.json"}}
	for _, guest := range []bool{false, true} {
		a := New(Options{Session: newSession(t, fixtures(t)), Renderer: asciiRenderer(), Now: fixedNow, Width: 80, Height: 24, Guest: guest}).(*App)
		a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
		id := a.list.selected().ID
		a.Update(refreshedMsg{id: id, background: true, err: lockErr})
		got := a.status.text
		if guest != strings.Contains(got, "the state is being written by another session (refresh, since 02:43:07 UTC)") || guest == strings.Contains(got, "force-unlock lock-1") {
			t.Errorf("guest %v: status %q", guest, got)
		}
	}
}
