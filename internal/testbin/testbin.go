// Package testbin builds binaries for tests that run them as processes (the
// end-to-end tests, the create+get benchmark, stripe-mock): from this
// module's root, so they build whatever is checked out, at the versions
// go.mod pins. The build cache makes every build after the first a link.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ModuleRoot is the directory of the go.mod that `go env GOMOD` names for
// the test's working directory: this module's root.
func ModuleRoot() (string, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("go command not found: %w", err)
	}
	gomod, err := exec.Command(goBin, "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(gomod))
	if mod == "" || mod == "/dev/null" {
		return "", fmt.Errorf("go env GOMOD: not inside a module")
	}
	return filepath.Dir(mod), nil
}

// BuildTo runs `go build -o out pkg` in the module root: pkg is "." for
// tokenscope itself, or an import path such as github.com/stripe/stripe-mock.
// It builds with CGO_ENABLED=0, as tokenscope ships (one static binary for
// a jump host): a binary linked to libc starts differently and is 2 MB
// larger in memory, which the RSS budget measures. The error carries go
// build's output.
func BuildTo(out, pkg string) error {
	root, err := ModuleRoot()
	if err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", pkg, err, b)
	}
	return nil
}

// Build builds pkg (as BuildTo) into a temp dir of tb's, removed with it,
// and returns the binary's path; a failed build fails tb.
func Build(tb testing.TB, pkg string) string {
	tb.Helper()
	name := filepath.Base(pkg)
	if pkg == "." {
		name = "tokenscope"
	}
	out := filepath.Join(tb.TempDir(), name)
	if err := BuildTo(out, pkg); err != nil {
		tb.Fatal(err)
	}
	return out
}
