package testbin

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestModuleRootHoldsThisModule(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !strings.HasPrefix(string(data), "module github.com/tokenscope/tokenscope\n") {
		t.Fatalf("%s/go.mod: %v\n%.80s", root, err, data)
	}
}

func TestBuildRunsTheBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tokenscope")
	}
	bin := Build(t, ".")
	if filepath.Base(bin) != "tokenscope" {
		t.Errorf("binary named %s", bin)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "tokenscope ") {
		t.Fatalf("%s version: %v %q", bin, err, out)
	}
}

func TestBuildToReportsGoBuildOutput(t *testing.T) {
	err := BuildTo(filepath.Join(t.TempDir(), "x"), "./no/such/package")
	if err == nil || !strings.Contains(err.Error(), "no/such/package") {
		t.Fatalf("err = %v, want go build's complaint about the package", err)
	}
}
