// Package quietlog keeps a flood of the same warning (refused
// connections, timed-out clients) from flooding a server's log.
package quietlog

import (
	"sync"
	"time"

	"github.com/charmbracelet/log"
)

// Interval is how often one Log writes a line at most.
const Interval = time.Second

// Log writes a warning at most once per Interval and counts the ones it
// left out in the next line it writes. The zero value is ready to use.
type Log struct {
	mu      sync.Mutex
	last    time.Time
	skipped int
}

// Warn writes msg with kv to l unless a line went out less than Interval
// ago.
func (q *Log) Warn(l *log.Logger, msg string, kv ...any) {
	q.mu.Lock()
	now := time.Now()
	if now.Sub(q.last) < Interval {
		q.skipped++
		q.mu.Unlock()
		return
	}
	skipped := q.skipped
	q.last, q.skipped = now, 0
	q.mu.Unlock()
	if skipped > 0 {
		kv = append(kv, "also_since_last_line", skipped)
	}
	l.Warn(msg, kv...)
}
