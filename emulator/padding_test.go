package emulator

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The log grows by padChunk of zeros at a time, ahead of its records:
// records written over those zeros do not change its size; a write that
// passes them pads again; every record reads back after a restart, and
// another store on the dir reads each as it comes, through the zeros.
func TestLogPaddedAheadOfItsRecords(t *testing.T) {
	dir := t.TempDir()
	a := openStore(t, dir, LogOptions{})
	b := openStore(t, dir, LogOptions{})
	path := filepath.Join(dir, logName(1))
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	obj := `{"pad":"` + strings.Repeat("x", 4000) + `"}`
	put(t, a, tokensColl, "tok_0", obj)
	first := size()
	if end := int64(len(fileBytes(t, dir))); first != end+padChunk {
		t.Fatalf("after one record the log is %d bytes, want its %d bytes of records and %d zeros", first, end, padChunk)
	}
	put(t, a, tokensColl, "tok_1", obj)
	if size() != first {
		t.Errorf("a record written over the zeros changed the log's size from %d to %d", first, size())
	}
	n := 2
	for ; int64(len(fileBytes(t, dir))) <= first; n++ {
		put(t, a, tokensColl, fmt.Sprintf("tok_%d", n), obj)
		if got := count(t, b); got != n+1 {
			t.Fatalf("the other store reads %d tokens of %d", got, n+1)
		}
	}
	if end := int64(len(fileBytes(t, dir))); size() != end+padChunk {
		t.Errorf("after a record passed the zeros the log is %d bytes, want its %d bytes of records and %d zeros", size(), end, padChunk)
	}
	a.Close()
	if got := count(t, openStore(t, dir, LogOptions{})); got != n {
		t.Errorf("after a restart: %d tokens, want %d", got, n)
	}
}

// Another store reads a record larger than a catch-up's first read
// (readAhead) whole.
func TestCatchUpReadsARecordLargerThanItsFirstRead(t *testing.T) {
	dir := t.TempDir()
	a := openStore(t, dir, LogOptions{})
	b := openStore(t, dir, LogOptions{})
	put(t, a, tokensColl, "tok_small", `{}`)
	if got := count(t, b); got != 1 {
		t.Fatalf("b reads %d tokens", got)
	}
	big := `{"pad":"` + strings.Repeat("y", 3*readAhead) + `"}`
	put(t, a, tokensColl, "tok_big", big)
	put(t, a, tokensColl, "tok_after", `{}`)
	if got := ids(t, b, tokensColl); !strings.HasPrefix(got, `tok_after={} tok_big={"pad":"yyy`) || !strings.HasSuffix(got, `"} tok_small={}`) {
		t.Errorf("b reads %.80s…", got)
	}
}

// readRecordsAt stops at the zeros behind the records, reads on while a
// record runs past what it read, and reads the rest whole where a length
// is damage, for scanRecords to judge.
func TestReadRecordsAt(t *testing.T) {
	rec := func(n int) []byte {
		return appendTx(nil, []op{{kind: opPut, coll: tokensColl, id: "tok", obj: []byte(strings.Repeat("z", n))}})
	}
	small, big := rec(10), rec(2*readAhead)
	damaged := binary.LittleEndian.AppendUint32(nil, maxRecord+1)
	const whole = -1
	for name, tc := range map[string]struct {
		file []byte
		want int // whole: all of file
	}{
		"records then zeros":       {cat(small, small, make([]byte, readAhead)), 2 * len(small)},
		"a record past the read":   {cat(small, big, make([]byte, 3*readAhead)), len(small) + len(big)},
		"no zeros":                 {cat(small, small[:5]), whole},
		"a damaged length":         {cat(small, damaged, make([]byte, 2*readAhead), small), whole},
		"nothing after the offset": {nil, 0},
	} {
		if tc.want == whole {
			tc.want = len(tc.file)
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log")
			if err := os.WriteFile(path, tc.file, 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := readRecordsAt(f, 0, int64(len(tc.file)))
			if err != nil || len(got) != tc.want {
				t.Errorf("read %d bytes (%v), want %d", len(got), err, tc.want)
			}
		})
	}
}

func count(t *testing.T, s Store) int {
	t.Helper()
	if ids(t, s, tokensColl) == "" {
		return 0
	}
	return strings.Count(ids(t, s, tokensColl), "tok_")
}

// A read that catches up while an update of the same store holds the
// write lock with records pending, just after another store compacted
// (its new log holds a header only), leaves the pending records where
// they go: before, it took the log for one cut short, read the files
// afresh under them, and their write failed at a negative offset.
func TestReadWhileRecordsPendingAfterAnotherCompacted(t *testing.T) {
	dir := t.TempDir()
	a := openStore(t, dir, LogOptions{})
	b := openStore(t, dir, LogOptions{})
	put(t, a, tokensColl, "tok_before", `{}`)
	if err := b.compactOnce(); err != nil {
		t.Fatal(err)
	}
	a.mu.Lock()
	seq, err := a.update(ctx, func(tx Tx) error { return tx.Put(tokensColl, "tok_pending", json.RawMessage(`{}`)) })
	a.passWriteLock(err == nil)
	if err == nil {
		err = a.catchUp(false) // a View that found the lock free before the update took it
	}
	a.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.commit.wait(a, seq); err != nil {
		t.Fatalf("the pending record's write: %v", err)
	}
	if got := ids(t, b, tokensColl); got != "tok_pending={} tok_before={}" {
		t.Errorf("the other store reads %s", got)
	}
}
