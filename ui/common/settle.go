package common

import "time"

// Settled reports whether what came on screen at since has been there
// PlanSettle: a key sooner than that came in one write with the keys
// that opened it (typed ahead, pasted, a tmux send-keys), before it
// could be read, and must not act on it: a plan's enter, a 3D Secure
// answer's a or f.
func (pc *ProgramContext) Settled(since time.Time) bool {
	return pc.Now().Sub(since) >= pc.PlanSettle
}
