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
