package state

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// A state.json that is a symbolic link is refused by reads and writes
// alike: its target is neither read (merged into the state), nor chmodded,
// nor replaced. A dangling link is refused too, rather than read as an
// empty state whose first write would fail after the request was sent.
func TestSymlinkedStateIsRefused(t *testing.T) {
	other := t.TempDir()
	theirs := filepath.Join(other, "theirs.json")
	os.WriteFile(theirs, []byte(`{"version":1,"serial":7,"lineage":"theirs","workspaces":{"offline":{"backend":"x","tokens":[]}}}`), 0o644)
	for name, target := range map[string]string{"existing": theirs, "dangling": filepath.Join(other, "missing.json")} {
		dir := filepath.Join(t.TempDir(), "state")
		s := openStore(t, dir)
		os.Mkdir(dir, 0o700)
		if err := os.Symlink(target, s.Path()); err != nil {
			t.Fatal(err)
		}
		var le *fsutil.LinkError
		if _, err := s.Load(); !errors.As(err, &le) || !strings.Contains(err.Error(), "--state-dir") {
			t.Errorf("%s: Load: %v", name, err)
		}
		if _, err := s.Update(context.Background(), "create", func(*State) error { return nil }); !errors.As(err, &le) {
			t.Errorf("%s: Update: %v", name, err)
		}
		if fi, err := os.Lstat(s.Path()); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced: %v", name, err)
		}
	}
	if data, _ := os.ReadFile(theirs); !strings.Contains(string(data), `"serial":7`) {
		t.Errorf("the target changed: %s", data)
	}
	if fi, _ := os.Stat(theirs); fi.Mode().Perm() != 0o644 {
		t.Errorf("the target's mode changed to %v", fi.Mode())
	}
	if _, err := os.Stat(filepath.Join(other, "missing.json")); !os.IsNotExist(err) {
		t.Errorf("the dangling link's target was made: %v", err)
	}
}

// A lock file (or lock info) that is a symbolic link is refused: taking
// the lock would create or lock the file it points at.
func TestSymlinkedLockIsRefused(t *testing.T) {
	for _, suffix := range []string{".lock", ".lock.info"} {
		other := t.TempDir()
		target := filepath.Join(other, "created")
		dir := filepath.Join(t.TempDir(), "state")
		s := openStore(t, dir)
		os.Mkdir(dir, 0o700)
		if err := os.Symlink(target, s.Path()+suffix); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Update(context.Background(), "create", func(*State) error { return nil }); err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("%s: Update: %v", suffix, err)
		}
		if _, err := os.Stat(target); !os.IsNotExist(err) {
			t.Errorf("%s: the link's target was made: %v", suffix, err)
		}
		if _, err := os.Stat(s.Path()); !os.IsNotExist(err) {
			t.Errorf("%s: the state was written: %v", suffix, err)
		}
	}
}
