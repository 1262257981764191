package emulator

import (
	"bytes"
	"testing"
)

// A log read whole keeps its records, not the zeros behind them, when the
// zeros are most of it: the objects read point into the buffer for as
// long as they live. A log mostly of records, one with something other
// than zeros where its records end, and one of zeros alone (no header:
// damaged) are read as they are.
func TestWithoutPadding(t *testing.T) {
	record := func(payload string) []byte {
		buf, start := beginRecord(nil, recTx)
		return finishRecord(append(buf, payload...), start)
	}
	records := append(record("first"), record("second")...)
	zeros := make([]byte, 4*len(records))
	for _, c := range []struct {
		name string
		data []byte
		want int
		copy bool
	}{
		{"records, then more zeros", append(bytes.Clone(records), zeros...), len(records), true},
		{"records, then fewer zeros", append(bytes.Clone(records), zeros[:len(records)-1]...), len(records)*2 - 1, false},
		// A torn record keeps the length it was written with: its bytes
		// are kept, and reading them finds it torn, as before.
		{"records, then a torn record", append(append(bytes.Clone(records), record("torn")[:6]...), zeros...), len(records) + len(record("torn")), true},
		{"records, then a length past the end", append(append(bytes.Clone(records), 0xff, 0xff, 0xff, 0x7f), zeros...), len(records) + 4 + len(zeros), false},
		{"zeros alone", bytes.Clone(zeros), len(zeros), false},
	} {
		got := withoutPadding(c.data)
		if len(got) != c.want || !bytes.Equal(got, c.data[:c.want]) {
			t.Errorf("%s: kept %d bytes, want the first %d", c.name, len(got), c.want)
		}
		if copied := &got[0] != &c.data[0]; copied != c.copy {
			t.Errorf("%s: copied = %v, want %v", c.name, copied, c.copy)
		}
		if c.copy && cap(got) > c.want+64 {
			t.Errorf("%s: the copy holds %d bytes, for %d", c.name, cap(got), c.want)
		}
	}
}
