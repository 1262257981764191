package quietlog

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/log"

	"github.com/tokenscope/tokenscope/internal/testio"
)

func TestWarnOncePerInterval(t *testing.T) {
	var out testio.SyncBuffer
	l := log.New(&out)
	var q Log
	for range 100 {
		q.Warn(l, "refused", "remote", "127.0.0.1:1")
	}
	if n := strings.Count(out.String(), "refused"); n != 1 {
		t.Fatalf("%d lines for 100 warnings in a burst, want 1:\n%s", n, out.String())
	}
	q.mu.Lock()
	q.last = time.Now().Add(-Interval) // as if a second went by
	q.mu.Unlock()
	q.Warn(l, "refused", "remote", "127.0.0.1:2")
	if !strings.Contains(out.String(), "also_since_last_line=99") {
		t.Fatalf("the second line does not count the 99 left out:\n%s", out.String())
	}
}
