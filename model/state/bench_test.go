package state

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// writeBigState writes n realistic card tokens (Raw as stripe-mock returns
// it, ~700 bytes compacted) straight to state.json.
func writeBigState(b *testing.B, n int) *Store {
	b.Helper()
	s := openStore(b, b.TempDir(), func(o *Options) { o.MaxTokens = -1 })
	st := &State{Version: Version, Serial: 1, Lineage: fsutil.NewID()}
	w := st.Workspace("offline")
	w.Tokens = make([]model.Record, 0, n)
	for i := n - 1; i >= 0; i-- {
		w.Tokens = append(w.Tokens, cardRecord(tokID("bench", i)))
	}
	data, err := encode(st)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(s.Path(), data, fsutil.FileMode); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	return s
}

// BenchmarkLoad10k is the state load the TUI does before its first frame
// (budget: 100 ms for the frame, load included).
func BenchmarkLoad10k(b *testing.B) {
	s := writeBigState(b, 10_000)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		st, err := s.Load()
		if err != nil || len(st.Workspace("offline").Tokens) != 10_000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdate10k is one recorded create on a 10,000-token state: lock,
// load, encode, guard, backup, fsync'd write.
func BenchmarkUpdate10k(b *testing.B) {
	s := writeBigState(b, 10_000)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := s.Update(context.Background(), "create", func(st *State) error {
			st.Workspace("offline").Upsert(cardRecord("tok_1QxBenchNew"))
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU adds the process's CPU time per op (user+system, GC workers
// included) to the benchmark's figures: on a shared machine the wall time
// ns/op swings with the other processes' load, the CPU time much less.
// Call as defer reportCPU(b)() just before the loop.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op") }
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
