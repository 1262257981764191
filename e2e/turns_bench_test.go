package e2e

import (
	"slices"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/stripemock"
)

// turnRequests is how many creates one server gets in a turn: about half
// a second of either. Turns of 2,500 left the pairs' ratios spread over
// a fifth either way; of 5,000, over a tenth.
const turnRequests = 5000

// BenchmarkTokenCreate16Turns checks the throughput budget itself: the
// emulator, its state on the disk and every answer fsynced, against
// stripe-mock, taking turns of turnRequests creates from loadClients
// clients, the first of a pair alternating. On a shared 2-core VM the
// throughput of either drifts by a fifth within a minute, more than the
// difference between them, so BenchmarkTokenCreate16 (all of one, then all
// of the other) can measure the drift; in turns both see the same
// machine. It reports the median of the pairs' ratios (the emulator's
// requests per second over stripe-mock's in the same pair), the lowest
// ratio, and each server's median requests per second:
//
//	go test -run '^$' -bench TokenCreate16Turns -benchtime 100000x ./e2e/
func BenchmarkTokenCreate16Turns(b *testing.B) {
	mock := stripemock.Start(b)
	emu := startEmulator(b, b.TempDir())
	defer emu.stop(b)
	pairs := max(1, b.N/(2*turnRequests))
	var mocks, ours, ratios []float64
	b.ResetTimer()
	for i := range pairs {
		var m, e float64
		if i%2 == 0 {
			m, e = turnRate(b, mock), turnRate(b, emu.url)
		} else {
			e, m = turnRate(b, emu.url), turnRate(b, mock)
		}
		mocks, ours, ratios = append(mocks, m), append(ours, e), append(ratios, e/m)
	}
	b.StopTimer()
	b.ReportMetric(median(ratios), "x-stripe-mock")
	b.ReportMetric(slices.Min(ratios), "x-stripe-mock-lowest")
	b.ReportMetric(median(ours), "emulator-req/s")
	b.ReportMetric(median(mocks), "stripe-mock-req/s")
}

// turnRate is the requests per second of one turn against base.
func turnRate(b *testing.B, base string) float64 {
	b.Helper()
	start := time.Now()
	sendCreates(b, base, turnRequests)
	return turnRequests / time.Since(start).Seconds()
}

// median is the middle value of v (the mean of the two middle ones).
func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	n := len(s)
	return (s[(n-1)/2] + s[n/2]) / 2
}
