package fsutil

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// EnsureDir only takes group and other bits away: a dir the user made 0500
// stays 0500, a 0755 one becomes 0700, a new one is 0700.
func TestEnsureDirOnlyRemovesBits(t *testing.T) {
	root := t.TempDir()
	for _, c := range []struct {
		before, after os.FileMode
	}{{0o500, 0o500}, {0o755, 0o700}, {0o750, 0o700}, {0o700, 0o700}, {0o555, 0o500}} {
		dir := filepath.Join(root, c.before.String())
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		os.Chmod(dir, c.before)
		if err := EnsureDir(dir); err != nil {
			t.Errorf("%v: %v", c.before, err)
		}
		if got := mode(t, dir); got != c.after {
			t.Errorf("EnsureDir on %v made it %v, want %v", c.before, got, c.after)
		}
	}
	fresh := filepath.Join(root, "new", "state")
	if err := EnsureDir(fresh); err != nil || mode(t, fresh) != DirMode {
		t.Errorf("a new dir: %v %v", mode(t, fresh), err)
	}
}

// failChmod makes every chmod fail as it does on a dir owned by someone
// else (tests may run as root, where it never fails).
func failChmod(t *testing.T) *int {
	calls := new(int)
	old := Chmod
	Chmod = func(string, os.FileMode) error { *calls++; return fs.ErrPermission }
	t.Cleanup(func() { Chmod = old })
	return calls
}

// A dir already private needs no chmod, so one that would fail is never tried.
func TestEnsureDirPrivateDirNeedsNoChmod(t *testing.T) {
	dir := t.TempDir()
	os.Chmod(dir, 0o700)
	calls := failChmod(t)
	if err := EnsureDir(dir); err != nil || *calls != 0 {
		t.Fatalf("EnsureDir on a private dir: %v (%d chmods)", err, *calls)
	}
}

// A dir open to others that cannot be made private is refused with a
// message that names it and the way out.
func TestEnsureDirRefusesADirItCannotMakePrivate(t *testing.T) {
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	failChmod(t)
	err := EnsureDir(dir)
	if err == nil || !strings.Contains(err.Error(), "cannot make the state dir "+dir+" private") || !strings.Contains(err.Error(), "--state-dir") {
		t.Errorf("EnsureDir: %v", err)
	}
}
