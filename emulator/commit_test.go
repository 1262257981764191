package emulator

import (
	"fmt"
	"testing"
	"time"
)

// A leader lingers for the crowd the last fsync saw, never for a lone
// writer, and stops as soon as the crowd's updates are written. Had it
// waited for its deadline (an hour here), the test would time out.
func TestLingerWaitsForTheCrowdOnly(t *testing.T) {
	c := committer{wrote: make(chan struct{}, 1)}
	c.linger(0, 1, time.Hour) // a lone writer: no wait

	c.written()
	c.written()
	c.written()
	c.linger(1, 2, time.Hour) // 2 updates since the first are written

	done := make(chan struct{})
	go func() {
		c.linger(3, 2, time.Hour) // waits for the 5th
		close(done)
	}()
	c.written()
	select {
	case <-done:
		t.Fatal("linger returned before the crowd's updates were written")
	case <-time.After(10 * time.Millisecond):
	}
	c.written()
	<-done
}

// What a store reads of another process's writes is no writer of its own
// coming back: a lone writer's crowd stays 1, so it never lingers, however
// busy the other process is.
func TestCrowdCountsOwnUpdatesOnly(t *testing.T) {
	dir := t.TempDir()
	busy, lone := openStore(t, dir, LogOptions{}), openStore(t, dir, LogOptions{})
	for i := range 3 {
		for j := range 5 {
			put(t, busy, tokensColl, fmt.Sprintf("tok_busy_%d_%d", i, j), `{}`)
		}
		put(t, lone, tokensColl, fmt.Sprintf("tok_lone_%d", i), `{}`)
		lone.commit.mu.Lock()
		crowd := lone.commit.crowd
		lone.commit.mu.Unlock()
		if crowd != 1 {
			t.Fatalf("round %d: a lone writer's crowd is %d after reading the other's writes", i, crowd)
		}
	}
}
