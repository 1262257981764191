package fsutil

import (
	"errors"
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
	return fi.Mode() & (os.ModePerm | os.ModeSticky)
}

// EnsureDir makes a missing dir 0700 and never changes the mode of one
// that exists: one only its owner can write in is used as it is, one
// others can write in (a shared 1777 dir, a group-writable one) is refused
// with a message naming it, its mode, its owner and what to do, and is
// left exactly as it was.
func TestEnsureDirNeverChmods(t *testing.T) {
	root := t.TempDir()
	for _, c := range []struct {
		mode os.FileMode
		ok   bool
		text string
	}{
		{0o700, true, ""},
		{0o500, true, ""},
		{0o755, true, ""},
		{os.ModeSticky | 0o777, false, "mode 1777"},
		{0o777, false, "mode 0777"},
		{0o775, false, "mode 0775"},
	} {
		dir := filepath.Join(root, strings.ReplaceAll(c.mode.String(), "-", "_"))
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, c.mode); err != nil {
			t.Fatal(err)
		}
		err := EnsureDir(dir)
		var de *DirError
		switch {
		case c.ok && err != nil:
			t.Errorf("%v: %v", c.mode, err)
		case !c.ok && !errors.As(err, &de):
			t.Errorf("%v: %v, want a *DirError", c.mode, err)
		case !c.ok:
			for _, want := range []string{dir, c.text, "is writable by other users", "owner root (uid 0)", "chmod 700 " + dir, "--state-dir"} {
				if os.Geteuid() != 0 && strings.HasPrefix(want, "owner") {
					continue
				}
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%v: %q does not say %q", c.mode, err, want)
				}
			}
		}
		if got := mode(t, dir); got != c.mode {
			t.Errorf("EnsureDir changed %v to %v", c.mode, got)
		}
	}
	fresh := filepath.Join(root, "new", "state")
	if err := EnsureDir(fresh); err != nil || mode(t, fresh) != DirMode || mode(t, filepath.Dir(fresh)) != DirMode {
		t.Errorf("a new dir: %v %v", mode(t, fresh), err)
	}
}

// Run as root, a private dir of another user is refused too: files root
// made in it would be the user's no more.
func TestEnsureDirRefusesAnotherUsersDir(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to chown")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o700)
	if err := os.Chown(dir, 12345, 12345); err != nil {
		t.Fatal(err)
	}
	err := EnsureDir(dir)
	if err == nil || !strings.Contains(err.Error(), "belongs to another user (mode 0700, owner uid 12345)") || strings.Contains(err.Error(), "chmod") {
		t.Errorf("EnsureDir on uid 12345's dir: %v", err)
	}
	fi, _ := os.Stat(dir)
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("mode changed to %v", fi.Mode())
	}
}

// A file that decides who logs in is refused when others could write it
// or its dir, and taken when only its owner can.
func TestCheckTrusted(t *testing.T) {
	for _, c := range []struct {
		dir, file os.FileMode
		ok        bool
		text      string
	}{
		{0o700, 0o600, true, ""},
		{0o755, 0o644, true, ""},
		{0o700, 0o666, false, "mode 0666"},
		{0o700, 0o620, false, "mode 0620"},
		{os.ModeSticky | 0o777, 0o600, false, "mode 1777"},
	} {
		dir := filepath.Join(t.TempDir(), "d")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "authorized_keys")
		if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(file, c.file); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, c.dir); err != nil {
			t.Fatal(err)
		}
		err := CheckTrusted(file)
		switch {
		case c.ok && err != nil:
			t.Errorf("%v/%v: %v", c.dir, c.file, err)
		case !c.ok && (err == nil || !strings.Contains(err.Error(), c.text) || !strings.Contains(err.Error(), "chmod go-w")):
			t.Errorf("%v/%v: %v, want a refusal saying %q", c.dir, c.file, err, c.text)
		}
	}
}
