package emulator

import (
	"os"
	"testing"
)

// BenchmarkOpen100k opens a log store holding 100,000 tokens, each
// created by its own request as e2e's BenchmarkEmulatorRestart100k makes
// them: the store's share of that restart, in one process so that
// `go test -cpuprofile` sees it.
func BenchmarkOpen100k(b *testing.B) {
	dir := b.TempDir()
	fsync := syncFile
	syncFile = func(*os.File) error { return nil } // filling is not what is measured
	e, err := New(Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	for range 100_000 {
		if rec := do(b, e, "POST", "/v1/tokens", testKey, "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123", nil); rec.Code != 200 {
			b.Fatal(rec.Body)
		}
	}
	e.Close()
	syncFile = fsync
	for b.Loop() {
		s, err := OpenLogStore(dir, LogOptions{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
