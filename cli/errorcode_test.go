package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// With --json, an error of tokenscope's own carries a code, as Stripe's
// errors do, so a script tells a locked state from a corrupt one without
// reading the message. The offline emulator's own faults are Stripe's
// api_error, with the code.
func TestJSONLocalErrorsHaveCodes(t *testing.T) {
	code := func(t *testing.T, out string) string {
		t.Helper()
		var e struct{ Error struct{ Type, Code string } }
		if err := json.Unmarshal([]byte(out), &e); err != nil || e.Error.Type != "tokenscope_error" {
			t.Fatalf("stdout = %q (%v)", out, err)
		}
		return e.Error.Code
	}
	t.Run("locked", func(t *testing.T) {
		s := newSandbox(t)
		s.create("card", "visa")
		unlock, err := fsutil.Lock(context.Background(), filepath.Join(s.dir, "state.json.lock"), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		r := s.expect(1, "--lock-timeout", "0s", "create", "card", "--preset", "visa", "--json")
		if got := code(t, r.out); got != "state_locked" {
			t.Errorf("code %q", got)
		}
	})
	t.Run("corrupt", func(t *testing.T) {
		s := newSandbox(t)
		s.create("card", "visa")
		os.WriteFile(filepath.Join(s.dir, "state.json"), []byte(`{"version":`), 0o600)
		r := s.expect(1, "list", "--json")
		if got := code(t, r.out); got != "state_corrupt" {
			t.Errorf("code %q", got)
		}
	})
	t.Run("symlink", func(t *testing.T) {
		s := newSandbox(t)
		s.create("card", "visa")
		path := filepath.Join(s.dir, "state.json")
		os.Rename(path, path+".real")
		os.Symlink(path+".real", path)
		r := s.expect(1, "list", "--json")
		if got := code(t, r.out); got != "symlink_refused" {
			t.Errorf("code %q", got)
		}
	})
	t.Run("emulator corrupt", func(t *testing.T) {
		s := newSandbox(t)
		s.create("card", "visa")
		os.WriteFile(filepath.Join(s.dir, "emulator-secret.key"), []byte("short"), 0o600)
		r := s.expect(3, "create", "bank", "--preset", "bank_ok", "--json")
		var e struct{ Error struct{ Type, Code string } }
		if err := json.Unmarshal([]byte(r.out), &e); err != nil || e.Error.Type != "api_error" || e.Error.Code != "emulator_corrupt" {
			t.Errorf("stdout = %q (%v)", r.out, err)
		}
	})
}
