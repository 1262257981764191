package emulator

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"

	"github.com/tokenscope/tokenscope/model"
)

// The log store's files are sequences of records:
//
//	length  uint32, little-endian: bytes of payload
//	crc     uint32, little-endian: CRC-32C of payload
//	payload its first byte is the record's type
//
// A record is written with one write, so a crash leaves at most the last
// record of the last log torn: short, or (after a power loss) with bytes
// that do not match its checksum, or zeros. Readers tell that torn tail
// from corruption (a bad record followed by more data), which is an error.
// Zeros alone after the last record are no damage: they are the padding a
// writer puts ahead of its records (padding.go).
const (
	recordHeader = 8
	// maxRecord bounds a record's payload: a length beyond it is damage,
	// not a record (a transaction holds a few objects of at most a
	// request body each; a snapshot writes batches of snapshotBatch).
	maxRecord = 256 << 20
	// formatVersion is written in every file's header record.
	formatVersion = 1
)

// Record types.
const (
	recHeader = 'H' // uvarint version, file kind, uvarint generation: every file's first record
	recTx     = 'T' // ops: a transaction, or a batch of a snapshot
	recNext   = 'N' // uvarint generation: this log is closed, the next one is that
	recEnd    = 'E' // uvarint objects, uvarint idempotency records: a complete snapshot
)

// File kinds, in the header record.
const (
	kindLog      = 'L'
	kindSnapshot = 'S'
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// errShort is a record that does not fit in the bytes read: being written
// by another process, or torn by a crash.
var errShort = errors.New("short record")

// beginRecord starts a record of type typ at the end of buf; finishRecord
// fills in its header once the payload is appended.
func beginRecord(buf []byte, typ byte) ([]byte, int) {
	start := len(buf)
	buf = append(buf, make([]byte, recordHeader)...)
	return append(buf, typ), start
}

func finishRecord(buf []byte, start int) []byte {
	payload := buf[start+recordHeader:]
	binary.LittleEndian.PutUint32(buf[start:], uint32(len(payload)))
	binary.LittleEndian.PutUint32(buf[start+4:], crc32.Checksum(payload, crcTable))
	return buf
}

// readRecord returns the payload of the record at the start of data and
// the record's size.
func readRecord(data []byte) (payload []byte, size int, err error) {
	if len(data) < recordHeader {
		return nil, 0, errShort
	}
	n := binary.LittleEndian.Uint32(data)
	if n == 0 || n > maxRecord {
		return nil, 0, fmt.Errorf("bad record length %d", n)
	}
	if uint64(len(data)-recordHeader) < uint64(n) {
		return nil, 0, errShort
	}
	payload = data[recordHeader : recordHeader+int(n)]
	if crc32.Checksum(payload, crcTable) != binary.LittleEndian.Uint32(data[4:]) {
		return nil, 0, errors.New("checksum mismatch")
	}
	return payload, recordHeader + int(n), nil
}

// tail is what follows the last whole record of some bytes.
type tail int

const (
	tailNone       tail = iota // nothing: the bytes end with a record
	tailIncomplete             // a record that runs past the end
	tailTorn                   // damaged bytes that no whole record follows
)

// scanRecords calls fn on the payload of each record in data, in order,
// and returns the bytes read up to the end of the last record fn was
// called on and what follows it. A damaged or incomplete record that a
// whole record follows is an error (*corruptError, with its offset): a
// length changed in the middle of a log must not pass for a write in
// progress, or what follows would be cut off. So is an error of fn.
func scanRecords(data []byte, fn func(payload []byte) error) (int, tail, error) {
	off := 0
	for off < len(data) {
		payload, size, err := readRecord(data[off:])
		switch {
		case err != nil && allZero(data[off:]):
			return off, tailNone, nil // the padding behind the records (padding.go)
		case err != nil && !damagedTail(data[off:]):
			return off, tailNone, &corruptError{offset: int64(off), err: err}
		case err == errShort:
			return off, tailIncomplete, nil
		case err != nil:
			return off, tailTorn, nil
		}
		if err := fn(payload); err != nil {
			return off, tailNone, &corruptError{offset: int64(off), err: err}
		}
		off += size
	}
	return off, tailNone, nil
}

// objectsHint guesses from a file's bytes how many objects reading it
// creates, to size the maps and slices a start-up fills at once rather than
// growing them (a third of replaying 100,000 tokens, unsized). It only
// hops from record to record by their lengths: a snapshot ends with the
// count of its objects (recEnd), and each transaction of a log mostly
// creates one object. It is a guess, so nothing is checked: reading the
// records does that.
func objectsHint(data []byte) int {
	n, last := 0, []byte(nil)
	for off := 0; len(data)-off >= recordHeader; {
		size := int(binary.LittleEndian.Uint32(data[off:]))
		if size == 0 || size > len(data)-off-recordHeader {
			break
		}
		last = data[off+recordHeader : off+recordHeader+size]
		if last[0] == recTx {
			n++
		}
		off += recordHeader + size
	}
	if len(last) > 0 && last[0] == recEnd {
		if objects, err := decodeNumbers(last[1:], 2); err == nil && objects[0] < maxRecord {
			return int(objects[0])
		}
	}
	return n
}

// damagedTail reports whether rest, starting with a damaged record, is
// what a crash leaves: no whole record follows the damage. A write cut by
// a power loss can leave anything after the last record that was synced,
// a prefix of the record, zeros where the file system allocated blocks it
// did not fill, or the old bytes of reused blocks; all of it was written
// after the last fsync, so none of it was acknowledged. A record that
// reads whole after the damage means the damage is not at the end: bytes
// a crash cannot have changed were changed, and dropping what follows
// would lose what was acknowledged. The search costs the distance to the
// next record, and checks a checksum only where a length fits.
func damagedTail(rest []byte) bool {
	for i := 1; len(rest)-i >= recordHeader; i++ {
		n := binary.LittleEndian.Uint32(rest[i:])
		if n == 0 || n > maxRecord || uint64(n) > uint64(len(rest)-i-recordHeader) {
			continue
		}
		if _, _, err := readRecord(rest[i:]); err == nil {
			return false
		}
	}
	return true
}

// corruptError is a record that cannot be read, at its offset in a file.
type corruptError struct {
	offset int64
	err    error
}

func (e *corruptError) Error() string { return fmt.Sprintf("at byte %d: %v", e.offset, e.err) }
func (e *corruptError) Unwrap() error { return e.err }

// LocalCode is the code of a damaged emulator file in --json's error
// object.
func (e *corruptError) LocalCode() string { return model.CodeEmulatorCorrupt }

// appendTx appends a transaction record holding ops.
func appendTx(buf []byte, ops []op) []byte {
	buf, start := beginRecord(buf, recTx)
	for _, o := range ops {
		buf = appendOp(buf, o)
	}
	return finishRecord(buf, start)
}

func appendOp(buf []byte, o op) []byte {
	buf = append(buf, byte(o.kind))
	switch o.kind {
	case opPut:
		buf = appendString(buf, o.coll)
		buf = appendString(buf, o.id)
		buf = binary.AppendVarint(buf, o.at)
		buf = appendBytes(buf, o.obj)
	case opDelete:
		buf = appendString(buf, o.coll)
		buf = appendString(buf, o.id)
	case opPutIdem:
		buf = appendString(buf, o.id)
		buf = appendString(buf, o.rec.Hash)
		buf = binary.AppendVarint(buf, int64(o.rec.Status))
		buf = appendBytes(buf, o.rec.Body)
		buf = appendString(buf, o.rec.RequestID)
		buf = binary.AppendVarint(buf, o.rec.Created)
	case opDeleteIdem:
		buf = appendString(buf, o.id)
	}
	return buf
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

func appendBytes(buf []byte, b []byte) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(b)))
	return append(buf, b...)
}

// appendHeader appends a file's header record.
func appendHeader(buf []byte, kind byte, gen uint64) []byte {
	buf, start := beginRecord(buf, recHeader)
	buf = binary.AppendUvarint(buf, formatVersion)
	buf = append(buf, kind)
	buf = binary.AppendUvarint(buf, gen)
	return finishRecord(buf, start)
}

// appendNumbers appends a record of type typ holding unsigned numbers
// (recNext, recEnd).
func appendNumbers(buf []byte, typ byte, nums ...uint64) []byte {
	buf, start := beginRecord(buf, typ)
	for _, n := range nums {
		buf = binary.AppendUvarint(buf, n)
	}
	return finishRecord(buf, start)
}

// decoder reads the payloads of records. Strings are copied out of the
// payload; object and body bytes are not (they share the file's buffer,
// which they keep alive), so nothing is copied twice at start-up.
type decoder struct {
	names map[string]string // collection names, interned
}

func newDecoder() *decoder { return &decoder{names: map[string]string{}} }

// payloadReader reads one payload's fields; the first error sticks.
type payloadReader struct {
	b   []byte
	err error
}

func (r *payloadReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("bad %s", what)
	}
}

func (r *payloadReader) uvarint(what string) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *payloadReader) varint(what string) int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *payloadReader) bytes(what string) []byte {
	n := r.uvarint(what)
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.fail(what)
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

func (r *payloadReader) byte(what string) byte {
	if r.err != nil {
		return 0
	}
	if len(r.b) == 0 {
		r.fail(what)
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

// ops decodes a recTx payload (after its type byte), calling fn on each op.
func (d *decoder) ops(b []byte, fn func(op)) error {
	r := &payloadReader{b: b}
	for len(r.b) > 0 && r.err == nil {
		o := op{kind: opKind(r.byte("op"))}
		switch o.kind {
		case opPut:
			o.coll = d.name(r.bytes("collection"))
			o.id = string(r.bytes("id"))
			o.at = r.varint("time")
			o.obj = r.bytes("object")
		case opDelete:
			o.coll = d.name(r.bytes("collection"))
			o.id = string(r.bytes("id"))
		case opPutIdem:
			o.id = string(r.bytes("key"))
			o.rec = &IdempotencyRecord{Hash: string(r.bytes("hash"))}
			o.rec.Status = int(r.varint("status"))
			o.rec.Body = r.bytes("body")
			o.rec.RequestID = string(r.bytes("request id"))
			o.rec.Created = r.varint("created")
		case opDeleteIdem:
			o.id = string(r.bytes("key"))
		default:
			return fmt.Errorf("unknown op %d", o.kind)
		}
		if r.err != nil {
			return r.err
		}
		switch {
		case o.kind == opPut && !looksWhole(o.obj):
			return fmt.Errorf("%s %s: %w", o.coll, o.id, notObject(o.obj))
		case o.kind == opPutIdem && !looksWhole(o.rec.Body):
			return fmt.Errorf("the answer kept for idempotency key %q: %w", o.id, notObject(o.rec.Body))
		}
		fn(o)
	}
	return r.err
}

func (d *decoder) name(b []byte) string {
	if s, ok := d.names[string(b)]; ok {
		return s
	}
	s := string(b)
	d.names[s] = s
	return s
}

// header decodes a recHeader payload (after its type byte).
func decodeHeader(b []byte) (kind byte, gen uint64, err error) {
	r := &payloadReader{b: b}
	if v := r.uvarint("version"); r.err == nil && v != formatVersion {
		return 0, 0, fmt.Errorf("format version %d, want %d", v, formatVersion)
	}
	kind = r.byte("file kind")
	gen = r.uvarint("generation")
	return kind, gen, r.err
}

// decodeNumbers decodes n unsigned numbers (recNext, recEnd).
func decodeNumbers(b []byte, n int) ([]uint64, error) {
	r := &payloadReader{b: b}
	nums := make([]uint64, n)
	for i := range nums {
		nums[i] = r.uvarint("number")
	}
	return nums, r.err
}
