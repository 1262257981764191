package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// sandbox is a user's machine for one test: a state dir, a home, and an
// environment that holds only what the test puts in it (never the test
// runner's own STRIPE_API_KEY).
type sandbox struct {
	t    *testing.T
	dir  string // the state dir
	vars map[string]string
	// stdin is what the next runs read from stdin (input).
	stdin string
}

func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	home := t.TempDir()
	dir := filepath.Join(home, "state")
	return &sandbox{t: t, dir: dir, vars: map[string]string{"TOKENSCOPE_STATE_DIR": dir, "HOME": home}}
}

// input is the sandbox with text on stdin for its runs: the values of
// sensitive flags given as "-".
func (s *sandbox) input(text string) *sandbox {
	c := *s
	c.stdin = text
	return &c
}

// result is one run of tokenscope.
type result struct {
	code        int
	out, errOut string
}

func (r result) all() string { return r.out + r.errOut }

// run is `tokenscope args...` as a new process would run it: Main builds a
// new client, emulator and store every time.
func (s *sandbox) run(args ...string) result {
	s.t.Helper()
	var out, errOut bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(s.stdin), &out, &errOut, func(k string) string { return s.vars[k] })
	return result{code: code, out: out.String(), errOut: errOut.String()}
}

// ok runs and fails the test unless the exit code is 0.
func (s *sandbox) ok(args ...string) result {
	s.t.Helper()
	r := s.run(args...)
	if r.code != 0 {
		s.t.Fatalf("tokenscope %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, r.out, r.errOut)
	}
	return r
}

// expect runs and fails the test unless the exit code is code.
func (s *sandbox) expect(code int, args ...string) result {
	s.t.Helper()
	r := s.run(args...)
	if r.code != code {
		s.t.Fatalf("tokenscope %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, code, r.out, r.errOut)
	}
	return r
}

// token decodes a --json Token.
func token(t *testing.T, out string) *stripe.Token {
	t.Helper()
	var tok stripe.Token
	if err := json.Unmarshal([]byte(out), &tok); err != nil {
		t.Fatalf("not a Token: %v\n%s", err, out)
	}
	return &tok
}

// create makes a token from a preset and returns its id.
func (s *sandbox) create(kind, preset string) string {
	s.t.Helper()
	return token(s.t, s.ok("create", kind, "--preset", preset, "--json").out).ID
}

// files walks the state dir, calling fn for every file and dir.
func (s *sandbox) files(fn func(path string, info fs.FileInfo, data []byte)) {
	s.t.Helper()
	err := filepath.Walk(s.dir, func(path string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		var data []byte
		if !info.IsDir() {
			if data, err = os.ReadFile(path); err != nil {
				return err
			}
		}
		fn(path, info, data)
		return nil
	})
	if err != nil {
		s.t.Fatal(err)
	}
}

// assertNotInStateDir fails if any file under the state dir contains one
// of the secrets.
func (s *sandbox) assertNotInStateDir(secrets ...string) {
	s.t.Helper()
	n := 0
	s.files(func(path string, info fs.FileInfo, data []byte) {
		if info.IsDir() {
			return
		}
		n++
		for _, secret := range secrets {
			if bytes.Contains(data, []byte(secret)) {
				s.t.Errorf("%s holds %q", path, secret)
			}
		}
	})
	if n == 0 {
		s.t.Fatalf("no files under %s: the check proves nothing", s.dir)
	}
}
