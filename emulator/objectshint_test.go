package emulator

import (
	"encoding/json"
	"testing"
)

// A log's hint is its transactions; a snapshot's, the objects its end
// record counts; a torn tail stops the count where it begins.
func TestObjectsHint(t *testing.T) {
	put := func(id string) op { return op{kind: opPut, coll: tokensColl, id: id, obj: json.RawMessage(`{}`)} }
	log := appendHeader(nil, kindLog, 1)
	for _, id := range []string{"tok_1", "tok_2", "tok_3"} {
		log = appendTx(log, []op{put(id)})
	}
	if n := objectsHint(log); n != 3 {
		t.Errorf("a log of 3 transactions: %d", n)
	}
	if n := objectsHint(log[:len(log)-4]); n != 2 {
		t.Errorf("the same with its last record torn: %d", n)
	}
	snap := appendHeader(nil, kindSnapshot, 2)
	snap = appendTx(snap, []op{put("tok_1"), put("tok_2"), put("tok_3"), put("tok_4")})
	snap = appendNumbers(snap, recEnd, 4, 0)
	if n := objectsHint(snap); n != 4 {
		t.Errorf("a snapshot of 4 objects in one record: %d", n)
	}
}
