package emulator

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
)

// The log store writes zeros ahead of its records in the current log: a
// write of records that would pass the zeros already there writes
// padChunk more with them. Records are then written over bytes the file
// has, so the commit's fdatasync (fsync.go) flushes them and none of the
// file's metadata: its size and blocks stay as they were. On an
// appending log every commit waited for the inode's write as well as the
// data's and the cache flush; without that wait, 16 clients got about a
// seventh more requests per second (measured in turns against the same
// binary, load 9-10).
//
// Zeros are where the records end: no record has a zero length
// (readRecord), so readers stop at the first one, and the file's size no
// longer says where the records end. A log of an older tokenscope has no
// zeros; it is read as before.
const padChunk = 1 << 20

// readAhead is how much of a log a catch-up reads at a time: records
// another process appended since, rarely more, and not the megabyte of
// zeros behind them.
const readAhead = 64 << 10

// withoutPadding is data, a log read whole, without the zeros behind its
// records when they are most of it. The objects read from a log point into
// its buffer, which lives as long as they do: a log of a few records would
// keep a megabyte of zeros (padChunk), a twentieth of a TUI's memory.
// Copying the records costs little while they are the smaller part.
func withoutPadding(data []byte) []byte {
	end, zeros := recordsEnd(data)
	if !zeros || end == 0 || len(data)-end <= end || !allZero(data[end:]) {
		return data
	}
	return bytes.Clone(data[:end])
}

// padded is buf, the records written at at, with padChunk zeros behind
// them if they pass the zeros the log has (s.filled).
func (s *logStore) padded(buf []byte, at int64) []byte {
	if at+int64(len(buf)) <= s.filled {
		return buf
	}
	return append(buf, make([]byte, padChunk)...)
}

// grown reports whether the log holds something after s.end other than
// zeros: records another process appended, or a part of one being written
// or torn; or whether the log is shorter than s.end (cut by something
// other than a tokenscope). One read of a record header answers it, where
// the log has zeros or records after s.end; the size, where it ends.
func (s *logStore) grown() (bool, error) {
	var head [recordHeader]byte
	n, err := s.log.ReadAt(head[:], s.end)
	if n == len(head) {
		return binary.LittleEndian.Uint32(head[:]) != 0, nil
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return false, fileError(s.log.Name(), err)
	}
	size, err := fileSize(s.log)
	if err != nil {
		return false, fileError(s.log.Name(), err)
	}
	return size != s.end, nil
}

// readRecordsAt reads log f from off up to where its records end (the
// zeros behind them) or, where they do not end before it, up to size.
// It reads readAhead at a time, more while a record runs past what it
// read, and the rest at once where a record's length is damage, so that
// scanRecords can tell a torn tail from damage followed by records.
func readRecordsAt(f *os.File, off, size int64) ([]byte, error) {
	n := min(size-off, readAhead)
	for {
		data := make([]byte, n)
		k, err := f.ReadAt(data, off)
		data = data[:k]
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		end, zeros := recordsEnd(data)
		switch {
		case zeros:
			return data[:end], nil
		case int64(k) < n || n == size-off:
			return data, nil
		case end < len(data) && binary.LittleEndian.Uint32(data[end:]) > maxRecord:
			n = size - off
		default:
			n = min(size-off, 2*n)
		}
	}
}

// recordsEnd hops from record to record of data by their lengths, and
// returns where it stopped and whether zeros (a zero length) stopped it,
// rather than a record running past the end of data.
func recordsEnd(data []byte) (int, bool) {
	off := 0
	for len(data)-off >= recordHeader {
		length := binary.LittleEndian.Uint32(data[off:])
		if length == 0 {
			return off, true
		}
		next := off + recordHeader + int(length)
		if length > maxRecord || next > len(data) {
			return off, false
		}
		off = next
	}
	return off, false
}

// tornBytes is how long the torn record at the start of rest is: up to
// its last byte that is not zero, the padding behind it left out.
func tornBytes(rest []byte) int { return len(bytes.TrimRight(rest, "\x00")) }

// allZero reports whether b holds zeros only: after the last record, the
// padding, and the end of the records rather than damage.
func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
