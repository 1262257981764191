package emulator

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// logLines collects what a log store reports.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logLines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

func openStore(t testing.TB, dir string, opts LogOptions) *logStore {
	t.Helper()
	if opts.Logf == nil {
		opts.Logf = t.Logf
	}
	s, err := OpenLogStore(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.(*logStore)
}

func put(t testing.TB, s Store, coll, id, obj string) {
	t.Helper()
	if err := s.Update(ctx, func(tx Tx) error { return tx.Put(coll, id, json.RawMessage(obj)) }); err != nil {
		t.Fatal(err)
	}
}

// ids lists a collection newest first.
func ids(t testing.TB, s Store, coll string) string {
	t.Helper()
	var out []string
	err := s.View(ctx, func(r Reader) error {
		return r.Scan(coll, "", false, func(id string, obj json.RawMessage) bool {
			out = append(out, id+"="+string(obj))
			return true
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, " ")
}

// A restart reads back every object, in creation order, and every
// idempotency record; pruned records and replaced objects stay so.
func TestLogStoreRestart(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_a", `1`)
	put(t, s, customersColl, "cus_a", `2`)
	put(t, s, tokensColl, "tok_b", `3`)
	put(t, s, tokensColl, "tok_a", `4`)
	now := time.Unix(1_700_000_000, 0)
	s.Update(ctx, func(tx Tx) error {
		tx.PutIdempotency("old", &IdempotencyRecord{Hash: "h", Status: 402, Body: json.RawMessage(`{"error":{}}`), RequestID: "req_1", Created: now.Add(-time.Hour).Unix()})
		return tx.PutIdempotency("new", &IdempotencyRecord{Hash: "h", Status: 200, Body: json.RawMessage(`{}`), RequestID: "req_2", Created: now.Unix()})
	})
	s.Update(ctx, func(tx Tx) error { return tx.PruneIdempotency(now.Add(-time.Minute)) })
	s.Close()

	again := openStore(t, dir, LogOptions{})
	if got := ids(t, again, tokensColl); got != "tok_b=3 tok_a=4" {
		t.Errorf("tokens after a restart: %s", got)
	}
	if got := ids(t, again, customersColl); got != "cus_a=2" {
		t.Errorf("customers after a restart: %s", got)
	}
	again.View(ctx, func(r Reader) error {
		if _, ok, _ := r.Idempotency("old"); ok {
			t.Error("the pruned record came back")
		}
		if rec, ok, _ := r.Idempotency("new"); !ok || rec.RequestID != "req_2" || string(rec.Body) != `{}` {
			t.Errorf("the kept record: %+v %v", rec, ok)
		}
		return nil
	})
	// New objects after a restart are still the newest.
	put(t, again, tokensColl, "tok_c", `5`)
	if got := ids(t, again, tokensColl); got != "tok_c=5 tok_b=3 tok_a=4" {
		t.Errorf("after a restart and a put: %s", got)
	}
	checkModes(t, dir)
}

// checkModes: the store's files are 0600, its dir writable by its owner
// alone (a dir it did not make is never chmodded: t.TempDir's stays 0755).
func checkModes(t *testing.T, dir string) {
	t.Helper()
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm()&0o022 != 0 {
		t.Errorf("%s: %v %v", dir, fi.Mode().Perm(), err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fi, _ := e.Info()
		if fi.Mode().Perm() != fsutil.FileMode {
			t.Errorf("%s: mode %v", e.Name(), fi.Mode().Perm())
		}
	}
}

// A crash can leave the last record torn: cut short, or whole but with
// other bytes (a power loss). Start-up drops it with a line saying so,
// and the store goes on writing after the last good record.
func TestLogStoreDropsATornRecord(t *testing.T) {
	for name, tear := range map[string]func(rec []byte) []byte{
		"cut short":   func(rec []byte) []byte { return rec[:len(rec)-3] },
		"header only": func(rec []byte) []byte { return rec[:5] },
		"bytes wrong": func(rec []byte) []byte { r := append([]byte{}, rec...); r[len(r)-2] ^= 0xff; return r },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path, end := logWithOneToken(t, dir)
			rec := appendTx(nil, []op{{kind: opPut, coll: tokensColl, id: "tok_b", obj: json.RawMessage(`{"n":2}`)}})
			writeFileAt(t, path, tear(rec), end) // over the padding, as a write cut by a crash

			var lines logLines
			again := openStore(t, dir, LogOptions{Logf: lines.logf})
			if got := ids(t, again, tokensColl); got != `tok_a={"n":1}` {
				t.Errorf("after the torn record: %s", got)
			}
			torn := tear(rec)
			if !strings.Contains(lines.String(), fmt.Sprintf("%s: dropping a torn record at byte %d (", path, end)) {
				t.Errorf("no line about the torn record: %q", lines.String())
			}
			var n int
			if _, err := fmt.Sscanf(lines.String()[strings.LastIndex(lines.String(), "(")+1:], "%d bytes)", &n); err != nil || n > len(torn) {
				t.Errorf("the line counts %d bytes (%v) for a torn record of %d (the padding behind it is no part of it)", n, err, len(torn))
			}
			if fi, _ := os.Stat(path); fi.Size() != end {
				t.Errorf("the torn record was not cut off: %d bytes, want %d", fi.Size(), end)
			}
			put(t, again, tokensColl, "tok_c", `{"n":3}`)
			again.Close()
			if got := ids(t, openStore(t, dir, LogOptions{}), tokensColl); got != `tok_c={"n":3} tok_a={"n":1}` {
				t.Errorf("after writing on: %s", got)
			}
		})
	}
}

// Zeros after the last record are the padding a writer puts ahead of its
// records (padding.go), not damage: start-up reads the records, says
// nothing and cuts nothing, and the store writes on over the zeros. A log
// of an older tokenscope, without zeros, is read and written on too.
func TestLogStoreReadsZerosAsPadding(t *testing.T) {
	for name, padding := range map[string]int64{"padded": padChunk, "without padding": 0} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path, end := logWithOneToken(t, dir)
			if fi, _ := os.Stat(path); fi.Size() != end+padChunk {
				t.Fatalf("the log is %d bytes, want its records (%d) and %d zeros", fi.Size(), end, padChunk)
			}
			if err := os.Truncate(path, end+padding); err != nil {
				t.Fatal(err)
			}
			var lines logLines
			again := openStore(t, dir, LogOptions{Logf: lines.logf})
			if lines.String() != "" {
				t.Errorf("start-up said %q", lines.String())
			}
			if fi, _ := os.Stat(path); fi.Size() != end+padding {
				t.Errorf("start-up changed the log to %d bytes, want %d", fi.Size(), end+padding)
			}
			put(t, again, tokensColl, "tok_b", `{"n":2}`)
			again.Close()
			if got := ids(t, openStore(t, dir, LogOptions{}), tokensColl); got != `tok_b={"n":2} tok_a={"n":1}` {
				t.Errorf("after writing on: %s", got)
			}
		})
	}
}

// logWithOneToken makes a store in dir holding tok_a, closes it, and
// returns its log's path and where the records in it end.
func logWithOneToken(t *testing.T, dir string) (string, int64) {
	t.Helper()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_a", `{"n":1}`)
	s.Close()
	return filepath.Join(dir, logName(1)), int64(len(fileBytes(t, dir)))
}

func writeFileAt(t *testing.T, path string, b []byte, off int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// Damage anywhere but at the end is not what a crash leaves: start-up
// fails, naming the file and the offset, rather than drop what follows.
func TestLogStoreRefusesADamagedLog(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_a", `{"n":1}`)
	put(t, s, tokensColl, "tok_b", `{"n":2}`)
	s.Close()
	path := filepath.Join(dir, logName(1))
	data, _ := os.ReadFile(path)
	i := strings.Index(string(data), `{"n":1}`)
	data[i+5] = '9'
	os.WriteFile(path, data, fsutil.FileMode)
	_, err := OpenLogStore(dir, LogOptions{})
	if err == nil || !strings.Contains(err.Error(), path+" is damaged at byte") || !strings.Contains(err.Error(), "checksum mismatch") {
		t.Errorf("open of a damaged log: %v", err)
	}
	if _, err := New(Options{Dir: dir}); err == nil {
		t.Error("the emulator started on a damaged log")
	}
}

// Start-up removes the temp files a kill left, of snapshots, logs and
// emulator.json, and nothing else.
func TestLogStoreRemovesTempFiles(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_a", `1`)
	s.Close()
	left := []string{"." + snapshotName(2) + ".123" + tempSuffix, "." + logName(2) + ".9" + tempSuffix, "." + FileName + "4711"}
	kept := []string{"state.json", ".state.json123", "emulator.json.lock"}
	for _, name := range append(left, kept...) {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), fsutil.FileMode)
	}
	openStore(t, dir, LogOptions{})
	for _, name := range left {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s was left: %v", name, err)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed", name)
		}
	}
}

// Requests that arrive together share fsyncs, and each answers only after
// an fsync that covers it.
func TestLogStoreGroupCommit(t *testing.T) {
	var syncs atomic.Int64
	old := syncFile
	syncFile = func(f *os.File) error { syncs.Add(1); time.Sleep(2 * time.Millisecond); return old(f) }
	defer func() { syncFile = old }()
	s := openStore(t, t.TempDir(), LogOptions{})
	put(t, s, tokensColl, "tok_first", `{}`) // creates the log
	syncs.Store(0)
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() { put(t, s, tokensColl, fmt.Sprintf("tok_%d", i), `{}`) })
	}
	wg.Wait()
	if n := syncs.Load(); n == 0 || n > 32 {
		t.Errorf("64 concurrent writes took %d fsyncs", n)
	}
}

// The cap keeps the newest objects; what it drops stays dropped after a
// restart, and so do idempotency records beyond it.
func TestLogStoreMaxObjects(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{MaxObjects: 3})
	put(t, s, tokensColl, "tok_1", `1`)
	put(t, s, customersColl, "cus_2", `2`)
	put(t, s, tokensColl, "tok_3", `3`)
	put(t, s, tokensColl, "tok_1", `1b`) // replaced: still the oldest
	put(t, s, tokensColl, "tok_4", `4`)
	put(t, s, customersColl, "cus_5", `5`)
	for i := range 5 {
		s.Update(ctx, func(tx Tx) error {
			return tx.PutIdempotency(fmt.Sprint("k", i), &IdempotencyRecord{Status: 200, Body: json.RawMessage(`{}`), Created: int64(i)})
		})
	}
	check := func(s Store) {
		t.Helper()
		if got := ids(t, s, tokensColl) + " | " + ids(t, s, customersColl); got != "tok_4=4 tok_3=3 | cus_5=5" {
			t.Errorf("kept: %s", got)
		}
		s.View(ctx, func(r Reader) error {
			for i := range 5 {
				if _, ok, _ := r.Idempotency(fmt.Sprint("k", i)); ok != (i >= 2) {
					t.Errorf("idempotency record k%d kept: %v", i, ok)
				}
			}
			return nil
		})
	}
	check(s)
	s.Close()
	check(openStore(t, dir, LogOptions{}))
}

// Objects older than ExpireAfter are gone: hidden at once, deleted by the
// next write, and still gone after a restart.
func TestLogStoreExpireAfter(t *testing.T) {
	dir := t.TempDir()
	now := time.Unix(1_700_000_000, 0)
	clock := func() time.Time { return now }
	s := openStore(t, dir, LogOptions{ExpireAfter: time.Hour, Now: clock})
	put(t, s, tokensColl, "tok_old", `1`)
	now = now.Add(30 * time.Minute)
	put(t, s, tokensColl, "tok_new", `2`)
	now = now.Add(45 * time.Minute)
	if got := ids(t, s, tokensColl); got != "tok_new=2" {
		t.Errorf("after 75 minutes: %s", got)
	}
	s.View(ctx, func(r Reader) error {
		if _, ok, _ := r.Get(tokensColl, "tok_old"); ok {
			t.Error("Get finds an expired object")
		}
		return nil
	})
	put(t, s, customersColl, "cus_1", `3`)
	if s.st.objects != 2 {
		t.Errorf("the write did not delete the expired object: %d objects", s.st.objects)
	}
	s.Close()
	again := openStore(t, dir, LogOptions{Now: clock})
	if got := ids(t, again, tokensColl); got != "tok_new=2" {
		t.Errorf("after a restart: %s", got)
	}
}

// Compaction replaces the logs by a snapshot once they hold mostly what
// is no longer kept; a second process on the same dir follows it to the
// new log, and a restart reads the snapshot.
func TestLogStoreCompaction(t *testing.T) {
	dir := t.TempDir()
	a := openStore(t, dir, LogOptions{})
	b := openStore(t, dir, LogOptions{})
	a.compact = 1 << 10
	for i := range 200 {
		put(t, a, tokensColl, fmt.Sprint("tok_", i%5), fmt.Sprintf(`{"n":%d,"pad":"%s"}`, i, strings.Repeat("x", 40)))
		if i%50 == 0 {
			put(t, b, customersColl, fmt.Sprint("cus_", i), `{}`)
		}
	}
	a.Close() // waits for a compaction in progress
	files, _ := listFiles(dir)
	if len(files.snapshots) != 1 || files.snapshots[0] < 2 || len(files.logs) != 1 || files.logs[0] != files.snapshots[0] {
		t.Errorf("after compaction: %+v", files)
	}
	put(t, b, customersColl, "cus_last", `{}`)
	wantTokens := `tok_4={"n":199,"pad":"` + strings.Repeat("x", 40) + `"}`
	if got := ids(t, b, tokensColl); !strings.HasPrefix(got, wantTokens) || strings.Count(got, "tok_") != 5 {
		t.Errorf("b's tokens after a's compaction: %s", got)
	}
	b.Close()
	c := openStore(t, dir, LogOptions{})
	if got := ids(t, c, customersColl); got != "cus_last={} cus_150={} cus_100={} cus_50={} cus_0={}" {
		t.Errorf("customers after a restart: %s", got)
	}
	if got := ids(t, c, tokensColl); !strings.HasPrefix(got, wantTokens) {
		t.Errorf("tokens after a restart: %s", got)
	}
	// Only what the newest snapshot does not hold is replayed: the log
	// begun with it. How much that holds depends on how many puts ran
	// while the last compaction wrote its snapshot.
	files, _ = listFiles(dir)
	data, err := os.ReadFile(filepath.Join(dir, logName(files.logs[len(files.logs)-1])))
	if err != nil {
		t.Fatal(err)
	}
	end, _ := recordsEnd(data)
	if c.snapBytes == 0 || c.logBytes != int64(end) {
		t.Errorf("the restart read a %d-byte snapshot and %d bytes of log, want the %d bytes of records of the newest log only", c.snapBytes, c.logBytes, end)
	}
}
