// Package stripemock runs Stripe's own mock server, stripe-mock (pinned as a
// `tool` dependency in go.mod), for tests that check request shapes against
// Stripe's OpenAPI spec. One server is shared by a test binary: building and
// starting it takes about a second, far more than the tests that use it.
//
// Use Start in a test; add Run to TestMain to keep the server up for the
// whole binary rather than for each top-level test that needs it:
//
//	func TestMain(m *testing.M) { os.Exit(stripemock.Run(m)) }
package stripemock

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testbin"
)

// readyTimeout bounds build-free start-up; the spec takes ~0.3 s to load.
const readyTimeout = 20 * time.Second

var shared struct {
	mu      sync.Mutex
	srv     *server
	refs    int   // tests holding the server (without Run)
	inMain  bool  // Run owns the server's lifetime
	failure error // why it could not start: not retried for every test
}

type server struct {
	cmd *exec.Cmd
	dir string // holds the binary
	url string
}

// Start returns the base URL ("http://127.0.0.1:PORT") of the shared
// stripe-mock, building and starting it on first use. The server listens on
// loopback only, for HTTP and HTTPS both (given only -http-addr, stripe-mock
// opens HTTPS on every interface). If it cannot be built or started the test
// is skipped, or fails when CI is set.
func Start(t testing.TB) string {
	t.Helper()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.srv == nil && shared.failure == nil {
		shared.srv, shared.failure = start()
	}
	if shared.failure != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("stripe-mock: %v", shared.failure)
		}
		t.Skipf("stripe-mock unavailable: %v", shared.failure)
	}
	if !shared.inMain {
		shared.refs++
		t.Cleanup(release)
	}
	return shared.srv.url
}

// PID is the process id of the shared stripe-mock, 0 when none runs: a
// benchmark reads its CPU time and memory from /proc.
func PID() int {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.srv == nil {
		return 0
	}
	return shared.srv.cmd.Process.Pid
}

// Run runs the tests with the server kept up throughout, then stops it.
func Run(m *testing.M) int {
	shared.mu.Lock()
	shared.inMain = true
	shared.mu.Unlock()
	code := m.Run()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.srv != nil {
		shared.srv.stop()
		shared.srv = nil
	}
	return code
}

func release() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.refs--; shared.refs == 0 {
		shared.srv.stop()
		shared.srv = nil
	}
}

// stop kills our own child process (by its pid) and removes its binary.
func (s *server) stop() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	_ = os.RemoveAll(s.dir)
}

func start() (*server, error) {
	dir, err := os.MkdirTemp("", "stripemock-")
	if err != nil {
		return nil, err
	}
	bin, err := build(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// Port 0: the kernel picks free ports and stripe-mock prints them,
	// so there is no window in which another process could take them.
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	srv := &server{cmd: cmd, dir: dir}
	addr, err := listenAddr(out)
	if err == nil {
		srv.url = "http://" + addr
		err = waitReady(srv.url)
	}
	if err != nil {
		srv.stop()
		return nil, err
	}
	return srv, nil
}

// build compiles the stripe-mock version go.mod pins.
func build(dir string) (string, error) {
	bin := filepath.Join(dir, "stripe-mock")
	return bin, testbin.BuildTo(bin, "github.com/stripe/stripe-mock")
}

// listenAddr reads stripe-mock's start-up lines up to the HTTP address, then
// drains the rest so the child never blocks on a full pipe.
func listenAddr(out io.Reader) (string, error) {
	const prefix = "Listening for HTTP at address: "
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if addr, ok := strings.CutPrefix(sc.Text(), prefix); ok {
				select {
				case found <- addr:
				default:
				}
			}
		}
		close(found)
	}()
	select {
	case addr, ok := <-found:
		if !ok {
			return "", fmt.Errorf("stripe-mock exited before listening")
		}
		return addr, nil
	case <-time.After(readyTimeout):
		return "", fmt.Errorf("stripe-mock printed no HTTP address within %s", readyTimeout)
	}
}

// waitReady polls until stripe-mock answers an API request.
func waitReady(base string) error {
	deadline := time.Now().Add(readyTimeout)
	for {
		req, _ := http.NewRequest(http.MethodGet, base+"/v1/tokens/tok_ready", nil)
		req.Header.Set("Authorization", "Bearer sk_test_ready")
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("stripe-mock at %s did not answer within %s: %v", base, readyTimeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
