package model

import (
	"testing"
	"time"
)

// A capture's write-ahead summary, which a replay prints, says how much
// it captures, as a refund's does: a partial capture is told from a full
// one.
func TestPendingCaptureSummarySaysTheAmount(t *testing.T) {
	for _, c := range []struct {
		amount int64
		want   string
	}{{2000, "capture 2000 of ch_Ab1"}, {0, "capture all of ch_Ab1"}} {
		p := NewPendingMove(MoveRequest{Action: MoveCapture, ID: "ch_Ab1", Amount: c.amount}, "key_1", time.Time{})
		if p.Summary != c.want {
			t.Errorf("summary %q, want %q", p.Summary, c.want)
		}
	}
}
