package emulator

import (
	"testing"
	"time"
)

// A leader lingers for the crowd the last fsync saw, never for a lone
// writer, and stops as soon as the crowd's changes are written. Had it
// waited for its deadline (an hour here), the test would time out.
func TestLingerWaitsForTheCrowdOnly(t *testing.T) {
	c := committer{wrote: make(chan struct{}, 1)}
	c.linger(0, 1, time.Hour) // a lone writer: no wait

	c.written(3)
	c.linger(1, 2, time.Hour) // 2 changes since seq 1 are written

	done := make(chan struct{})
	go func() {
		c.linger(3, 2, time.Hour) // waits for seq 5
		close(done)
	}()
	c.written(4)
	select {
	case <-done:
		t.Fatal("linger returned before the crowd's changes were written")
	case <-time.After(10 * time.Millisecond):
	}
	c.written(5)
	<-done
}
