package service

import (
	"os"
	"path/filepath"
	"testing"
)

// Two exports of the same second, by two guests of one serve or two
// terminals on one dir, are two files: neither replaces the other, and a
// guest's go to its own dir.
func TestExportsOfOneSecondAreKeptApart(t *testing.T) {
	dir := t.TempDir()
	svc := New(Config{Backend: BackendConfig{Offline: true}, StateDir: dir})
	if err := svc.OpenGuests(); err != nil {
		t.Fatal(err)
	}
	a, releaseA, err := svc.Guest("SHA256:a", "a")
	if err != nil {
		t.Fatal(err)
	}
	defer releaseA()
	a2, releaseA2, err := svc.Guest("SHA256:a", "a")
	if err != nil {
		t.Fatal(err)
	}
	defer releaseA2()
	const name = "export-20261205-143050.hcl"
	p1, err := a.SaveNewOutput(name, []byte("first\n"))
	if err != nil {
		t.Fatal(err)
	}
	p2, err := a2.SaveNewOutput(name, []byte("second\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "serve", "a", name); p1 != want {
		t.Errorf("first export at %s, want %s (the guest's dir)", p1, want)
	}
	if want := filepath.Join(dir, "serve", "a", "export-20261205-143050-2.hcl"); p2 != want {
		t.Errorf("second export at %s, want %s", p2, want)
	}
	for p, want := range map[string]string{p1: "first\n", p2: "second\n"} {
		got, err := os.ReadFile(p)
		if err != nil || string(got) != want {
			t.Errorf("%s holds %q (%v), want %q", p, got, err, want)
		}
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", p, fi.Mode().Perm())
		}
	}
	if got := a.OutputPath("report-tok_1.md"); got != filepath.Join(dir, "serve", "a", "report-tok_1.md") {
		t.Errorf("a guest's report at %s, want its dir", got)
	}
}
