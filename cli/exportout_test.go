package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An --out in a dir others can write in is refused with advice about
// --out, the flag that chose it, not about --state-dir.
func TestExportOutRefusedDirNamesOut(t *testing.T) {
	a := newSandbox(t)
	a.create("card", "visa")
	shared := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(shared, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, os.ModeSticky|0o777); err != nil {
		t.Fatal(err)
	}
	r := a.expect(1, "state", "export", "--out", filepath.Join(shared, "x.hcl"))
	if !strings.Contains(r.errOut, "choose a --out FILE") || strings.Contains(r.errOut, "--state-dir") {
		t.Errorf("the refusal should point at --out alone:\n%s", r.errOut)
	}
	if _, err := os.Stat(filepath.Join(shared, "x.hcl")); !os.IsNotExist(err) {
		t.Errorf("x.hcl was written: %v", err)
	}
}

// An --out whose dir is missing is refused, and no dir is made; a dir as
// --out is refused by name; a link's refusal points at --out.
func TestExportOutPathRefusals(t *testing.T) {
	a := newSandbox(t)
	a.create("card", "visa")
	root := t.TempDir()
	missing := filepath.Join(root, "typo", "x.hcl")
	r := a.expect(2, "state", "export", "--out", missing)
	if !strings.Contains(r.errOut, "no such directory") || !strings.Contains(r.errOut, "output_path_refused") || !strings.Contains(r.errOut, "param  --out") {
		t.Errorf("missing dir:\n%s", r.errOut)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("export made %s: %v", filepath.Dir(missing), err)
	}
	r = a.expect(2, "state", "export", "--out", root+"/")
	if !strings.Contains(r.errOut, "is a directory") || strings.Contains(r.errOut, "••••") {
		t.Errorf("a dir as --out:\n%s", r.errOut)
	}
	link := filepath.Join(root, "link.hcl")
	if err := os.Symlink(filepath.Join(root, "target"), link); err != nil {
		t.Fatal(err)
	}
	r = a.expect(1, "state", "export", "--out", link)
	if !strings.Contains(r.errOut, "choose another --out FILE") || strings.Contains(r.errOut, "--state-dir") {
		t.Errorf("a link as --out:\n%s", r.errOut)
	}
}
