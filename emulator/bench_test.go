package emulator

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkGet1000Tokens reads 1,000 persisted tokens through the handler,
// as a refresh of 1,000 tokens does (budget: 1 s for the whole refresh).
func BenchmarkGet1000Tokens(b *testing.B) {
	e, err := New(Options{Dir: b.TempDir(), Now: clock})
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 1000)
	for i := range ids {
		rec := do(b, e, "POST", "/v1/tokens", testKey, "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123", nil)
		if rec.Code != 200 {
			b.Fatal(rec.Body)
		}
		ids[i] = strings.Split(rec.Body.String(), `"`)[3]
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, id := range ids {
			if rec := do(b, e, "GET", "/v1/tokens/"+id, testKey, "", nil); rec.Code != 200 {
				b.Fatal(rec.Body)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ids)), "ns/get")
}

// BenchmarkCreateToken is one persisted POST /v1/tokens: lock, write, fsync.
func BenchmarkCreateToken(b *testing.B) {
	e, err := New(Options{Dir: b.TempDir(), Now: clock})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if rec := do(b, e, "POST", "/v1/tokens", testKey, "pii[id_number]=000000000", nil); rec.Code != 200 {
			b.Fatal(rec.Body)
		}
	}
}

// BenchmarkRefresh1000OverHTTP is the refresh budget end to end: stripe-go
// retrieving 1,000 persisted tokens over loopback, 8 requests in flight as
// service.Session.Refresh does.
func BenchmarkRefresh1000OverHTTP(b *testing.B) {
	e, srv := newServer(b, b.TempDir())
	ids := make([]string, 1000)
	for i := range ids {
		rec := do(b, e, "POST", "/v1/tokens", testKey, "pii[id_number]=000000000", nil)
		ids[i] = strings.Split(rec.Body.String(), `"`)[3]
	}
	c := newClient(srv.URL, testKey)
	for b.Loop() {
		work := make(chan string)
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for id := range work {
					if _, err := c.V1Tokens.Retrieve(ctx, id, nil); err != nil {
						b.Error(err)
					}
				}
			})
		}
		for _, id := range ids {
			work <- id
		}
		close(work)
		wg.Wait()
	}
}

// BenchmarkCreateTokenHTTP16 is the token-create path over HTTP with 16
// clients, in one process so that `go test -cpuprofile` sees the server
// side; e2e's BenchmarkTokenCreate16 is the same against the real binary
// and stripe-mock. Every answer waits for its fsync; req/fsync is how
// many requests an fsync served, req/write how many records a write of
// the log held.
func BenchmarkCreateTokenHTTP16(b *testing.B) {
	var syncs, syncing atomic.Int64
	fsync := syncFile
	syncFile = func(f *os.File) error {
		start := time.Now()
		defer func() { syncing.Add(int64(time.Since(start))) }()
		syncs.Add(1)
		return fsync(f)
	}
	defer func() { syncFile = fsync }()
	var writes atomic.Int64
	write := writeAt
	writeAt = func(f *os.File, p []byte, off int64) (int, error) { writes.Add(1); return write(f, p, off) }
	defer func() { writeAt = write }()
	e, err := New(Options{Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	srv := httptest.NewServer(e) // without the spec check of the tests
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16, MaxConnsPerHost: 16}}
	defer client.CloseIdleConnections()
	const body = "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123"
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	for range 16 {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/tokens", strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+testKey)
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				res, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Errorf("status %d", res.StatusCode)
					return
				}
			}
		})
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	b.ReportMetric(float64(b.N)/float64(max(syncs.Load(), 1)), "req/fsync")
	b.ReportMetric(float64(b.N)/float64(max(writes.Load(), 1)), "req/write")
	b.ReportMetric(float64(syncing.Load())/float64(max(syncs.Load(), 1))/1e3, "µs/fsync")
	b.ReportMetric(100*float64(syncing.Load())/float64(b.Elapsed()), "%fsyncing")
}
