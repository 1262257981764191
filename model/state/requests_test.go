package state

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

func logged(i int) model.LoggedRequest {
	return model.LoggedRequest{Time: time.Unix(int64(i), 0).UTC(), Method: "POST", Path: "/v1/tokens",
		Status: 200, RequestID: fmt.Sprintf("req_%06d", i), Body: "card[number]=•••• 4242", Response: strings.Repeat("x", 3000)}
}

// The log outlives its run: another run reads it, its requests marked
// earlier; the file is private.
func TestRequestJournalKeepsEarlierRuns(t *testing.T) {
	dir := t.TempDir()
	first := OpenRequestJournal(dir, "offline")
	if err := first.Append(logged(1)); err != nil {
		t.Fatal(err)
	}
	second := OpenRequestJournal(dir, "offline")
	if err := second.Append(logged(2)); err != nil {
		t.Fatal(err)
	}
	got, err := second.Entries()
	if err != nil || len(got) != 2 {
		t.Fatalf("entries %v, %v", got, err)
	}
	if !got[0].Earlier || got[1].Earlier || got[0].RequestID != "req_000001" || got[0].Response != logged(1).Response {
		t.Errorf("earlier marks or fields wrong: %+v", got)
	}
	if other, _ := OpenRequestJournal(dir, "stripe_test:abc").Entries(); len(other) != 0 {
		t.Errorf("another workspace sees %d requests", len(other))
	}
	fi, err := os.Stat(first.Path())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v %v", fi, err)
	}
}

// Two processes (here: journals of two runs, from many goroutines)
// appending at once leave every line whole; past MaxJournalBytes the file
// is cut to its newest requests, and Entries returns at most
// MaxJournalEntries.
func TestRequestJournalConcurrentAndBounded(t *testing.T) {
	dir := t.TempDir()
	runs := []*RequestJournal{OpenRequestJournal(dir, "offline"), OpenRequestJournal(dir, "offline")}
	const n = 1600 // 1600 lines of 3 KB: past MaxJournalBytes
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < n; i += 8 {
				if err := runs[i%2].Append(logged(i)); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	data, err := os.ReadFile(runs[0].Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > MaxJournalBytes {
		t.Errorf("the log is %d bytes, over its bound %d", len(data), MaxJournalBytes)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	got, err := runs[0].Entries()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != min(len(lines), MaxJournalEntries) {
		t.Errorf("%d lines, %d decode: a line was torn", len(lines), len(got))
	}
	if last := got[len(got)-1].RequestID; last < fmt.Sprintf("req_%06d", n-8) {
		t.Errorf("the newest request is %s: the cut kept old ones", last)
	}
}

// The guard refuses a line that holds a card number or a key.
func TestRequestJournalRefusesSecrets(t *testing.T) {
	j := OpenRequestJournal(t.TempDir(), "offline")
	e := logged(1)
	e.Body = "card[number]=4242424242424242"
	if err := j.Append(e); err == nil {
		t.Error("a card number was written")
	}
	e = logged(2)
	e.Err = "key sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc"
	if err := j.Append(e); err == nil {
		t.Error("a key was written")
	}
}

// BenchmarkRequestJournalAppend is one request's log line, lock and all.
func BenchmarkRequestJournalAppend(b *testing.B) {
	j := OpenRequestJournal(b.TempDir(), "offline")
	for i := 0; b.Loop(); i++ {
		if err := j.Append(logged(i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRequestJournalEntries reads a full log (500 requests of 3 KB)
// as the TUI's L does when it changed.
func BenchmarkRequestJournalEntries(b *testing.B) {
	dir := b.TempDir()
	j := OpenRequestJournal(dir, "offline")
	for i := range MaxJournalEntries {
		if err := j.Append(logged(i)); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := OpenRequestJournal(dir, "offline").Entries(); err != nil {
			b.Fatal(err)
		}
	}
}
