package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/stripemock"
	"github.com/tokenscope/tokenscope/internal/testbin"
)

// bin is the tokenscope binary built by TestMain for every test.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tokenscope-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "tokenscope")
	err = testbin.BuildTo(bin, ".")
	code := 1
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	} else {
		code = stripemock.Run(m)
	}
	for _, f := range slices.Backward(exits) {
		f()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// exits are what TestMain runs once the tests are done, last added first:
// the benchmarks' shared emulator processes.
var exits []func()

func atExit(f func()) { exits = append(exits, f) }

// cleanEnv is the test's environment without anything that would change
// which backend or terminal the binary sees: no key (so the offline emulator
// answers), no NO_COLOR, no outer tmux, no CI (termenv takes CI to mean "no
// terminal" and drops colour), plus the state dir given.
func cleanEnv(stateDir string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "STRIPE_API_KEY", "NO_COLOR", "CI", "TMUX", "TMUX_PANE", "TOKENSCOPE_STATE_DIR", "XDG_STATE_HOME":
			continue
		}
		env = append(env, kv)
	}
	return append(append(env, "TOKENSCOPE_STATE_DIR="+stateDir), extra...)
}

// result is one headless run of the binary.
type result struct {
	code           int
	stdout, stderr string
}

// run runs the binary headless with the given state dir and arguments.
func run(t *testing.T, stateDir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = cleanEnv(stateDir)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("tokenscope %s: %v", strings.Join(args, " "), err)
		}
		code = ee.ExitCode()
	}
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}
