package fsutil

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linked makes dir/name a symbolic link to target.
func linked(t *testing.T, dir, name, target string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A lock file that is a link is refused, whether it points at nothing
// (the lock would create its target) or at a file (it would lock it).
func TestLockRefusesALink(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	dangling := filepath.Join(other, "created")
	existing := filepath.Join(other, "existing")
	os.WriteFile(existing, []byte("x"), 0o644)
	for _, target := range []string{dangling, existing} {
		path := linked(t, dir, filepath.Base(target)+".lock", target)
		release, err := Lock(context.Background(), path, 0, nil)
		if err == nil {
			release()
		}
		var le *LinkError
		if !errors.As(err, &le) {
			t.Fatalf("Lock through a link to %s: %v", target, err)
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), target) {
			t.Errorf("the refusal names neither the link nor its target: %v", err)
		}
	}
	if _, err := os.Stat(dangling); !os.IsNotExist(err) {
		t.Errorf("the lock created the link's target: %v", err)
	}
	if fi, _ := os.Stat(existing); fi.Mode().Perm() != 0o644 {
		t.Errorf("the target's mode changed to %v", fi.Mode())
	}
}

// WriteFileAtomic neither follows nor replaces a link; its target keeps
// its content and mode, and so does the backup's.
func TestWriteFileAtomicRefusesALink(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	target := filepath.Join(other, "theirs.json")
	os.WriteFile(target, []byte("theirs"), 0o644)
	path := linked(t, dir, "state.json", target)
	for _, backup := range []bool{false, true} {
		var le *LinkError
		if err := WriteFileAtomic(path, []byte("ours"), backup); !errors.As(err, &le) {
			t.Errorf("backup %v: %v, want a *LinkError", backup, err)
		}
	}
	if data, _ := os.ReadFile(target); string(data) != "theirs" {
		t.Errorf("the target now holds %q", data)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o644 {
		t.Errorf("the target's mode changed to %v", fi.Mode())
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func TestReadFileNoFollow(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	os.WriteFile(target, []byte("data"), 0o600)
	if data, err := ReadFileNoFollow(target); err != nil || string(data) != "data" {
		t.Errorf("a plain file: %q %v", data, err)
	}
	var le *LinkError
	if _, err := ReadFileNoFollow(linked(t, dir, "link", target)); !errors.As(err, &le) {
		t.Errorf("a link: %v", err)
	}
	if _, err := ReadFileNoFollow(filepath.Join(dir, "missing")); !os.IsNotExist(err) {
		t.Errorf("a missing file: %v", err)
	}
}

// OpenFileLock (the emulator's locks, kept open) refuses a link too.
func TestOpenFileLockRefusesALink(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	target := filepath.Join(other, "created")
	path := linked(t, dir, "emulator.lock", target)
	l, err := OpenFileLock(path)
	if err == nil {
		l.Close()
	}
	var le *LinkError
	if !errors.As(err, &le) {
		t.Fatalf("OpenFileLock through a link: %v", err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("the lock created the link's target: %v", err)
	}
}

// ReadOrCreate makes the file once, 0600; a second call reads what the
// first made; a link is neither followed nor replaced.
func TestReadOrCreate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "k")
	calls := 0
	mk := func() []byte { calls++; return []byte{byte(calls)} }
	first, err := ReadOrCreate(path, mk)
	if err != nil {
		t.Fatal(err)
	}
	second, err := ReadOrCreate(path, mk)
	if err != nil || string(first) != string(second) || calls != 1 {
		t.Fatalf("second read %v %v after %d makes, first %v", second, err, calls, first)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != FileMode {
		t.Errorf("mode %v", fi.Mode())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temp files left: %v", entries)
	}
	target := filepath.Join(t.TempDir(), "theirs")
	link := linked(t, dir, "l", target)
	var le *LinkError
	if _, err := ReadOrCreate(link, mk); !errors.As(err, &le) {
		t.Errorf("ReadOrCreate through a dangling link: %v", err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("the link's target was created: %v", err)
	}
}

// A backup that is already the file itself (a link: what a failed save
// leaves) is kept without leaving the temp link behind: a full disk left
// one state.json.backup.UUID per failed write.
func TestKeepBackupOverItselfLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	os.WriteFile(path, []byte("v1"), FileMode)
	if err := os.Link(path, path+".backup"); err != nil {
		t.Skip("no hard links here:", err)
	}
	for range 3 {
		if err := keepBackup(path); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left: %v", names)
	}
}
