package emulator

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzLogDecode reads arbitrary bytes as log 1: never a panic; damage is
// an error or a torn tail, and only zeros (padding) follow a clean end; and what was read, written again as a snapshot
// and read back, is the same state.
func FuzzLogDecode(f *testing.F) {
	log := appendHeader(nil, kindLog, 1)
	log = appendTx(log, []op{
		{kind: opPut, coll: tokensColl, id: "tok_1", at: 7, obj: json.RawMessage(`{"id":"tok_1"}`)},
		{kind: opPutIdem, id: "key", rec: &IdempotencyRecord{Hash: "h", Status: 402, Body: json.RawMessage(`{}`), RequestID: "req_1", Created: 9}},
	})
	log = appendTx(log, []op{{kind: opDelete, coll: tokensColl, id: "tok_1"}, {kind: opDeleteIdem, id: "key"}})
	log = appendNumbers(log, recNext, 2)
	f.Add(log)
	f.Add(log[:len(log)-3])
	f.Add(append(append([]byte{}, log...), make([]byte, 64)...))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		st := newMemState()
		r := logReader{gen: 1, st: st, dec: newDecoder()}
		good, tail, err := scanRecords(data, r.record)
		if good > len(data) || (err == nil && tail == tailNone && !allZero(data[good:])) {
			t.Fatalf("read %d of %d bytes, tail %d, %v", good, len(data), tail, err)
		}
		if err != nil {
			return
		}
		ops := st.snapshotOps()
		var buf []byte
		for _, o := range ops {
			buf = appendOp(buf, o)
		}
		again := newMemState()
		if err := newDecoder().ops(buf, again.apply); err != nil {
			t.Fatalf("the state written again does not read: %v", err)
		}
		if got := again.snapshotOps(); !sameOps(got, ops) {
			t.Fatalf("the state read back differs:\n%v\n%v", got, ops)
		}
	})
}

// sameOps compares ops, idempotency records in any order.
func sameOps(a, b []op) bool {
	if len(a) != len(b) {
		return false
	}
	recs := map[string]*IdempotencyRecord{}
	for _, o := range b {
		if o.kind == opPutIdem {
			recs[o.id] = o.rec
		}
	}
	for i, o := range a {
		if o.kind == opPutIdem {
			if !reflect.DeepEqual(recs[o.id], o.rec) {
				return false
			}
			continue
		}
		if o.kind != b[i].kind || o.coll != b[i].coll || o.id != b[i].id || o.at != b[i].at || string(o.obj) != string(b[i].obj) {
			return false
		}
	}
	return true
}

// FuzzOpsDecode reads arbitrary bytes as a transaction's ops, the part a
// checksum does not reach in FuzzLogDecode: never a panic, and ops that
// decode, encoded again, decode to the same ops (the bytes may differ: a
// varint can be written longer than it needs).
func FuzzOpsDecode(f *testing.F) {
	f.Add(appendOp(appendOp(nil, op{kind: opPut, coll: "tokens", id: "tok_1", at: -3, obj: json.RawMessage(`{}`)}),
		op{kind: opPutIdem, id: "k", rec: &IdempotencyRecord{Hash: "h", Status: 200, Body: json.RawMessage(`{}`), RequestID: "req", Created: 1}}))
	f.Add(appendOp(nil, op{kind: opDelete, coll: "charges", id: "ch_1"}))
	f.Add([]byte{byte(opDeleteIdem), 200})
	f.Fuzz(func(t *testing.T, data []byte) {
		var buf []byte
		if err := newDecoder().ops(data, func(o op) { buf = appendOp(buf, o) }); err != nil {
			return
		}
		var again []byte
		if err := newDecoder().ops(buf, func(o op) { again = appendOp(again, o) }); err != nil || string(again) != string(buf) {
			t.Fatalf("decoded, encoded and decoded again: %v\n%x\n%x", err, again, buf)
		}
	})
}
