package emulator

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// A power loss can leave the last write of a log in any state: cut at any
// byte, or followed by bytes that are no record (zeros, the old contents
// of reused blocks). Whatever it left, the store opens, keeps every object
// whose write was acknowledged (fsynced before its Update returned), loses
// only the one being written, cuts the damage off with a line saying so,
// and writes on after it.
func TestLogStorePowerLoss(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	for _, id := range []string{"tok_1", "tok_2", "tok_3"} {
		put(t, s, tokensColl, id, `{"id":"`+id+`"}`)
	}
	committed := fileBytes(t, dir)
	put(t, s, tokensColl, "tok_4", `{"id":"tok_4","pad":"`+strings.Repeat("x", 40)+`"}`)
	s.Close()
	whole := fileBytes(t, dir)
	last := whole[len(committed):]
	const acked = `tok_3={"id":"tok_3"} tok_2={"id":"tok_2"} tok_1={"id":"tok_1"}`

	rng := rand.New(rand.NewPCG(12, 5))
	garbage := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}
	type tear struct {
		name string
		log  []byte
	}
	var tears []tear
	for cut := range len(last) {
		tears = append(tears, tear{"cut at byte " + strconv.Itoa(cut) + " of the last record", cat(committed, last[:cut])})
	}
	for _, n := range []int{1, 7, 8, 9, 100, 4096} {
		tears = append(tears,
			tear{"the last record cut, then " + strconv.Itoa(n) + " bytes of garbage", cat(committed, last[:len(last)/2], garbage(n))},
			tear{"the last record cut, then " + strconv.Itoa(n) + " zeros", cat(committed, last[:len(last)/2], make([]byte, n))},
			tear{"the last record's header, then " + strconv.Itoa(n) + " bytes of garbage", cat(committed, last[:recordHeader], garbage(n))},
			tear{"the last record zeroed, then " + strconv.Itoa(n) + " bytes of garbage", cat(committed, make([]byte, len(last)), garbage(n))},
		)
	}
	for _, tr := range tears {
		d := t.TempDir()
		writeLog(t, d, tr.log)
		var lines logLines
		s, err := OpenLogStore(d, LogOptions{Logf: lines.logf})
		if err != nil {
			t.Errorf("%s: the store does not open: %v", tr.name, err)
			continue
		}
		if got := ids(t, s, tokensColl); got != acked {
			t.Errorf("%s: kept %s", tr.name, got)
		}
		if len(tr.log) > len(committed) && !strings.Contains(lines.String(), "dropping a torn record at byte "+strconv.Itoa(len(committed))) {
			t.Errorf("%s: no line about the torn record: %q", tr.name, lines.String())
		}
		put(t, s, tokensColl, "tok_5", `{}`)
		s.Close()
		again := openStore(t, d, LogOptions{})
		if got := ids(t, again, tokensColl); got != `tok_5={} `+acked {
			t.Errorf("%s: after writing on and opening again: %s", tr.name, got)
		}
		again.Close()
	}

	// The last record whole, then garbage: it was acknowledged, and is kept.
	d := t.TempDir()
	writeLog(t, d, cat(whole, garbage(100)))
	if got := ids(t, openStore(t, d, LogOptions{}), tokensColl); !strings.HasPrefix(got, "tok_4=") || !strings.HasSuffix(got, acked) {
		t.Errorf("the whole last record followed by garbage: %s", got)
	}
}

// Damage that a whole record follows is not a torn write, whatever it
// looks like: a length changed to run past the end passes for a write in
// progress, but cutting there would lose the acknowledged records after
// it, so the store refuses to open.
func TestLogStoreRefusesALengthChangedMidLog(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, LogOptions{})
	put(t, s, tokensColl, "tok_1", `{}`)
	first := len(fileBytes(t, dir))
	put(t, s, tokensColl, "tok_2", `{}`)
	put(t, s, tokensColl, "tok_3", `{}`)
	s.Close()
	data := fileBytes(t, dir)
	copy(data[first:], []byte{0, 0, 0, 1}) // tok_2's length: 16 MiB
	writeLog(t, dir, data)
	if _, err := OpenLogStore(dir, LogOptions{}); err == nil || !strings.Contains(err.Error(), "is damaged at byte "+strconv.Itoa(first)) {
		t.Errorf("open: %v", err)
	}
}

// fileBytes are the records of log 1, without the padding behind them.
func fileBytes(t *testing.T, dir string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, logName(1)))
	if err != nil {
		t.Fatal(err)
	}
	end, _ := recordsEnd(data)
	return data[:end]
}

func writeLog(t *testing.T, dir string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, logName(1)), data, fsutil.FileMode); err != nil {
		t.Fatal(err)
	}
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
