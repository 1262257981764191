package sshserver

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// moveBudget is the README's budget (Figures) for one selection move at
// 80x24.
const moveBudget = 300

// listOf50 is a server and a settled 80x24 session whose workspace holds
// 50 tokens, ready for selection moves. The tokens were made three hours
// ago: a list of tokens made seconds ago redraws every row whenever their
// age ticks from "0s" to "1s", which is not the move's cost.
func listOf50(t testing.TB) *term {
	key := newKey(t)
	cfg := offlineConfig(t, key)
	past, err := emulator.New(emulator.Options{Now: func() time.Time { return time.Now().Add(-3 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	api, err := client.New(client.Config{Handler: past})
	if err != nil {
		t.Fatal(err)
	}
	sess, err := service.New(service.Config{StateDir: cfg.Service.StateDir(), API: api, Workspace: Workspace(key.PublicKey())}).Session()
	if err != nil {
		t.Fatal(err)
	}
	req, err := model.FromPreset("visa")
	if err != nil {
		t.Fatal(err)
	}
	for range 50 {
		if _, err := sess.Create(context.Background(), req, ""); err != nil {
			t.Fatal(err)
		}
	}
	ts := start(t, cfg)
	tm := ts.open(t, key, "xterm-256color", 80, 24)
	tm.waitFor("1/50")
	tm.settle(150 * time.Millisecond)
	return tm
}

// moveBytes presses key and counts what the terminal receives until the
// screen settles.
func (tm *term) moveBytes(key string) int {
	before := tm.bytes()
	tm.typeKeys(key)
	tm.settle(60 * time.Millisecond)
	return tm.bytes() - before
}

func TestMoveBytesWithinBudget(t *testing.T) {
	tm := listOf50(t)
	down := tm.moveBytes("j")
	up := tm.moveBytes("k")
	if down == 0 || up == 0 {
		t.Fatalf("a move sent nothing (j %d B, k %d B): the selection did not move", down, up)
	}
	if down > moveBudget || up > moveBudget {
		t.Fatalf("a selection move sent j %d B, k %d B over SSH; budget %d B", down, up, moveBudget)
	}
	t.Logf("selection move at 80x24 over SSH: j %d B, k %d B", down, up)
}

// BenchmarkMoveBytes reports the bytes one selection move sends through
// SSH at 80x24 with 50 tokens (B/move).
func BenchmarkMoveBytes(b *testing.B) {
	tm := listOf50(b)
	total := 0
	b.ResetTimer()
	for i := range b.N {
		key := "j"
		if i%2 == 1 {
			key = "k"
		}
		total += tm.moveBytes(key)
	}
	b.ReportMetric(float64(total)/float64(b.N), "B/move")
}

// BenchmarkIdleSessionMemory reports the heap one idle session costs: 20
// sessions at their first screen, HeapAlloc after minus before, over 20.
// Client and server share the process, so the figure includes the test
// client's side of each connection: an upper bound for the server.
func BenchmarkIdleSessionMemory(b *testing.B) {
	const n = 20
	key := newKey(b)
	ts := start(b, offlineConfig(b, key))
	var perSession float64
	for range b.N {
		before := heap()
		terms := make([]*term, n)
		for i := range terms {
			terms[i] = ts.open(b, key, "xterm-256color", 80, 24)
		}
		for _, tm := range terms {
			tm.waitFor("Welcome to tokenscope.")
			tm.settle(50 * time.Millisecond)
		}
		perSession = float64(heap()-before) / n
		b.StopTimer()
		for _, tm := range terms {
			tm.close()
		}
		waitIdle(b, ts)
		b.StartTimer()
	}
	b.ReportMetric(perSession/1024, "KiB/session")
}

func heap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// waitIdle waits until the server has no session left.
func waitIdle(t testing.TB, ts *testServer) {
	deadline := time.Now().Add(5 * time.Second)
	for ts.sessions.count() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d sessions still open", ts.sessions.count())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
