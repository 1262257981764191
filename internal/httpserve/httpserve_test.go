//go:build unix

package httpserve_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/log"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/httpserve"
	"github.com/tokenscope/tokenscope/internal/testio"
)

// testKey is any test key: the emulator takes them all.
const testKey = "sk_test_httpserve0000000000000000000001"

// floodConns is the size of a slow-body flood: connections that send their
// headers and then drip their body.
const floodConns = 2000

// httpServer serves a fresh in-memory emulator on 127.0.0.1 through New
// with lim; active counts the connections whose request has started.
func httpServer(t *testing.T, lim httpserve.Limits) (base string, logs *testio.SyncBuffer, active *atomic.Int64) {
	t.Helper()
	e, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	logs = &testio.SyncBuffer{}
	srv := httpserve.New(e, lim, log.New(logs))
	active = &atomic.Int64{}
	srv.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateActive {
			active.Add(1)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(httpserve.Listener(ln, e)) }()
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String(), logs, active
}

// connsAllowed is how many flood connections the descriptor limit lets
// this process hold, both ends of each being here: want, after raising
// the soft limit to the hard one if need be.
func connsAllowed(t *testing.T, want int) int {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		t.Fatal(err)
	}
	need := uint64(2*want + 256)
	if rl.Cur < need {
		rl.Cur = min(need, rl.Max)
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl)
		_ = syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl)
	}
	if rl.Cur < need {
		n := int(max(rl.Cur, 356)-256) / 2
		t.Logf("descriptor limit %d: flooding with %d connections, not %d", rl.Cur, n, want)
		return n
	}
	return want
}

// plainGet times one request on a new connection: a token that does not
// exist, answered 404 with Stripe's error JSON.
func plainGet(t *testing.T, base string) time.Duration {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/v1/tokens/tok_none", nil)
	req.Header.Set("Authorization", "Bearer "+testKey)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
	started := time.Now()
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("a plain request: %v", err)
	}
	defer res.Body.Close()
	took := time.Since(started)
	if body, _ := io.ReadAll(res.Body); res.StatusCode != http.StatusNotFound || !strings.Contains(string(body), "resource_missing") {
		t.Fatalf("a plain request got %d %s", res.StatusCode, body)
	}
	return took
}

// TestSlowBodyFlood: 2,000 connections send a POST's headers and drip its
// body a byte at a time. A plain request is answered within 100 ms
// meanwhile, every dripping connection is closed at the read timeout, and
// the log says so without a line per connection.
func TestSlowBodyFlood(t *testing.T) {
	n := connsAllowed(t, floodConns)
	lim := httpserve.Limits{ReadTimeout: 3 * time.Second, WriteTimeout: time.Second, IdleTimeout: time.Second}
	base, logs, active := httpServer(t, lim)
	addr := strings.TrimPrefix(base, "http://")
	head := "POST /v1/tokens HTTP/1.1\r\nHost: emulator\r\nAuthorization: Bearer " + testKey +
		"\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ncard"
	conns := make([]net.Conn, n)
	closed := make(chan struct{}, n)
	for i := range conns {
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		t.Cleanup(func() { c.Close() })
		if _, err := io.WriteString(c, head); err != nil {
			t.Fatal(err)
		}
		conns[i] = c
		go func() {
			_, _ = io.Copy(io.Discard, c) // until the server closes it
			closed <- struct{}{}
		}()
	}
	stop := make(chan struct{})
	defer close(stop)
	go drip(conns, stop)
	deadline := time.Now().Add(lim.ReadTimeout)
	for active.Load() < int64(n) {
		if time.Now().After(deadline) {
			t.Fatalf("the server started %d of %d requests", active.Load(), n)
		}
		time.Sleep(10 * time.Millisecond)
	}

	took := make([]time.Duration, 5)
	for i := range took {
		took[i] = plainGet(t, base)
	}
	slices.Sort(took)
	t.Logf("plain requests during a %d-connection slow-body flood: %v", n, took)
	if took[len(took)/2] > 100*time.Millisecond {
		t.Errorf("the median plain request took %s during the flood, want under 100ms", took[len(took)/2])
	}

	end := time.After(lim.ReadTimeout + 10*time.Second)
	for i := range n {
		select {
		case <-closed:
		case <-end:
			t.Fatalf("%d of %d dripping connections still open after the read timeout", n-i, n)
		}
	}
	if lines := strings.Count(logs.String(), "request body too slow"); lines < 1 || lines > 20 {
		t.Fatalf("%d log lines for %d slow bodies:\n%.2000s", lines, n, logs.String())
	}
	plainGet(t, base) // and it goes on
}

// drip writes a byte of body to every connection each 100 ms until stop,
// as a client that keeps a request alive by sending it slowly.
func drip(conns []net.Conn, stop <-chan struct{}) {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for range 200 { // 20 s at most
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		for _, c := range conns {
			_ = c.SetWriteDeadline(time.Now().Add(10 * time.Millisecond))
			_, _ = c.Write([]byte("x"))
		}
	}
}

// TestBodyTooLarge: a body over the emulator's MaxBody is answered 413
// with Stripe's error JSON, and logged; the server goes on.
func TestBodyTooLarge(t *testing.T) {
	base, logs, _ := httpServer(t, httpserve.DefaultLimits)
	body := "metadata[x]=" + strings.Repeat("a", emulator.MaxBody)
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/tokens", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var got struct {
		Error struct{ Type, Message string }
	}
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusRequestEntityTooLarge || got.Error.Type != "invalid_request_error" || !strings.Contains(got.Error.Message, "larger than the emulator takes") {
		t.Fatalf("got %d %+v", res.StatusCode, got)
	}
	if !strings.Contains(logs.String(), "request body too large") {
		t.Fatalf("not logged:\n%s", logs.String())
	}
	plainGet(t, base)
}

// Headers (or a URL) too large for the server to read are answered 431
// with Stripe's error JSON, as a body too large is, not net/http's plain
// text, and stripe-go reports an API error.
func TestHeadersTooLarge(t *testing.T) {
	base, _, _ := httpServer(t, httpserve.DefaultLimits)
	for name, path := range map[string]string{
		"header": "/v1/customers",
		"url":    "/v1/customers?email=" + strings.Repeat("a", 2<<20),
	} {
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		req.Header.Set("Authorization", "Bearer "+testKey)
		if name == "header" {
			req.Header.Set("X-Big", strings.Repeat("a", 2<<20))
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got struct {
			Error struct{ Type, Message string }
		}
		err = json.NewDecoder(res.Body).Decode(&got)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusRequestHeaderFieldsTooLarge || res.Header.Get("Content-Type") != "application/json" ||
			res.Header.Get("Request-Id") == "" || got.Error.Type != "invalid_request_error" || !strings.Contains(got.Error.Message, "at most 1 MiB") {
			t.Errorf("%s: %d %v %+v (%v)", name, res.StatusCode, res.Header, got, err)
		}
	}
	plainGet(t, base)
}
