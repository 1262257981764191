package state

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// failChmod makes every chmod fail as it does on a dir owned by someone
// else (tests may run as root, where it never fails).
func failChmod(t *testing.T) {
	old := fsutil.Chmod
	fsutil.Chmod = func(string, os.FileMode) error { return fs.ErrPermission }
	t.Cleanup(func() { fsutil.Chmod = old })
}

// A state dir tokenscope cannot make private (root-owned 0755 with a
// readable state.json): reading works; writing fails with a plain message
// and writes nothing.
func TestReadOnlyStateDir(t *testing.T) {
	dir := t.TempDir()
	seed := openStore(t, dir)
	addTokens(t, seed, "offline", "tok_a")
	os.Chmod(dir, 0o755)
	failChmod(t)

	s, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	st, err := s.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if _, ok := st.Workspace("offline").Find("tok_a"); !ok {
		t.Fatal("the state was not read")
	}
	if err := s.Prepare(); err == nil || !strings.Contains(err.Error(), "--state-dir") {
		t.Errorf("Prepare: %v", err)
	}
	before, _ := os.ReadFile(s.Path())
	_, err = s.Update(context.Background(), "create", func(*State) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "cannot make the state dir "+dir+" private") || !strings.Contains(err.Error(), "--state-dir") {
		t.Errorf("Update: %v", err)
	}
	if after, _ := os.ReadFile(s.Path()); string(after) != string(before) {
		t.Error("state.json changed")
	}
}

// Open does not touch the disk: the dir appears on the first write.
func TestOpenIsLazy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s := openStore(t, dir)
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("Open made the dir: %v", err)
	}
	if st, err := s.Load(); err != nil || len(st.Workspaces) != 0 {
		t.Fatalf("Load of a missing dir: %v", err)
	}
	addTokens(t, s, "offline", "tok_a")
	if mode(t, dir) != fsutil.DirMode {
		t.Errorf("dir mode %v", mode(t, dir))
	}
}

// failCreateTemp makes the write probe fail as it does in a 0500 dir of
// this user's (tests may run as root, where it never fails).
func failCreateTemp(t *testing.T) {
	old := createTemp
	createTemp = func(dir, pattern string) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: fs.ErrPermission}
	}
	t.Cleanup(func() { createTemp = old })
}

// Prepare proves the dir can be written: a private dir that refuses a new
// file is refused with a plain message naming the dir and --state-dir, and
// a writable one is left as it was found.
func TestPrepareProbesWritability(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	if err := s.Prepare(); err != nil {
		t.Fatalf("Prepare on a writable dir: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the probe was left behind: %v", entries)
	}
	failCreateTemp(t)
	err := s.Prepare()
	if err == nil || !strings.Contains(err.Error(), "cannot write to the state dir "+dir+" (permission denied)") || !strings.Contains(err.Error(), "--state-dir") {
		t.Errorf("Prepare on a dir that refuses writes: %v", err)
	}
}
