package emulator

import (
	"container/heap"
	"encoding/json"
	"time"
)

// memState is a store's objects and idempotency records in memory, kept in
// the order they were created: lists page newest first, and a cap drops the
// oldest. The memory store is one; the log store rebuilds one from its
// files at start and applies to it every record it writes or reads.
//
// Every change goes through apply, one op at a time, whether it comes from
// a request or from a file, so a state replayed from the log is the state
// that was written.
type memState struct {
	colls   map[string]*collection
	idem    map[string]*IdempotencyRecord
	idemAge idemHeap // keys by Created, oldest first; may hold keys since replaced or deleted
	nextSeq uint64   // the next object's creation order
	objects int      // objects in all collections
	bytes   int64    // encoded size of all that is kept: compaction pays when the log is much bigger
	// sizeHint is how many objects the file being read is expected to
	// create (sizeFor): the next collection created is sized for them.
	sizeHint int
	free     []entry // entries allocated together, for newEntry to hand out
}

// entryChunk is how many entries are allocated at once: one allocation
// instead of a thousand at start-up, while an entry deleted keeps at most
// a chunk's 64 KiB alive.
const entryChunk = 1024

// newEntry returns a zero entry for a new object.
func (st *memState) newEntry() *entry {
	if len(st.free) == 0 {
		st.free = make([]entry, entryChunk)
	}
	e := &st.free[0]
	st.free = st.free[1:]
	return e
}

// sizeFor sets sizeHint for reading the file data into an empty state:
// the first file of a start-up, which holds most of what it reads. One
// collection takes the hint, as a store mostly holds tokens; the others
// grow as they fill. The caller resets it once the file is read.
func (st *memState) sizeFor(data []byte) {
	if st.objects == 0 {
		st.sizeHint = objectsHint(data)
	}
}

// entry is one object.
type entry struct {
	id  string
	obj json.RawMessage
	at  int64  // unix nanoseconds of its first put
	seq uint64 // creation order across collections
	pos int    // absolute index in its collection's order
}

// collection is one kind of object, by id and in creation order.
type collection struct {
	byID  map[string]*entry
	order []*entry // oldest first; nil where an object was deleted
	base  int      // absolute index of order[0]: deleting the oldest shifts nothing
}

func newMemState() *memState {
	return &memState{colls: map[string]*collection{}, idem: map[string]*IdempotencyRecord{}}
}

// opKind is what an op does; the values are part of the file format.
type opKind byte

const (
	opPut        opKind = 1 // coll, id, at, obj: create, or replace keeping the creation order
	opDelete     opKind = 2 // coll, id
	opPutIdem    opKind = 3 // id is the key, rec the record
	opDeleteIdem opKind = 4 // id is the key
)

// op is one change to a memState.
type op struct {
	kind opKind
	coll string
	id   string // object id, or idempotency key
	at   int64  // opPut: unix nanoseconds the object was created
	obj  json.RawMessage
	rec  *IdempotencyRecord
}

// entryOverhead approximates what an object or record costs beyond its
// bytes, so that many small objects still count.
const entryOverhead = 64

func (st *memState) apply(o op) {
	switch o.kind {
	case opPut:
		c := st.colls[o.coll]
		if c == nil {
			c = &collection{byID: make(map[string]*entry, st.sizeHint), order: make([]*entry, 0, st.sizeHint)}
			st.colls[o.coll] = c
			st.sizeHint = 0
		}
		if e, ok := c.byID[o.id]; ok {
			st.bytes += int64(len(o.obj) - len(e.obj))
			e.obj = o.obj
			return
		}
		e := st.newEntry()
		*e = entry{id: o.id, obj: o.obj, at: o.at, seq: st.nextSeq, pos: c.base + len(c.order)}
		st.nextSeq++
		c.byID[o.id] = e
		c.order = append(c.order, e)
		st.objects++
		st.bytes += int64(len(o.coll)+len(o.id)+len(o.obj)) + entryOverhead
	case opDelete:
		c := st.colls[o.coll]
		if c == nil {
			return
		}
		e, ok := c.byID[o.id]
		if !ok {
			return
		}
		delete(c.byID, o.id)
		c.order[e.pos-c.base] = nil
		for len(c.order) > 0 && c.order[0] == nil {
			c.order = c.order[1:]
			c.base++
		}
		st.objects--
		st.bytes -= int64(len(o.coll)+len(o.id)+len(e.obj)) + entryOverhead
	case opPutIdem:
		if old, ok := st.idem[o.id]; ok {
			st.bytes -= idemSize(o.id, old)
		}
		st.idem[o.id] = o.rec
		st.bytes += idemSize(o.id, o.rec)
		heap.Push(&st.idemAge, idemAge{created: o.rec.Created, key: o.id})
	case opDeleteIdem:
		if old, ok := st.idem[o.id]; ok {
			st.bytes -= idemSize(o.id, old)
			delete(st.idem, o.id)
		}
	}
}

func idemSize(key string, r *IdempotencyRecord) int64 {
	return int64(len(key)+len(r.Hash)+len(r.Body)+len(r.RequestID)) + entryOverhead
}

// get returns a live object: one created at or after notBefore (unix
// nanoseconds; 0 keeps everything), the expiry of a store whose objects
// expire.
func (st *memState) get(coll, id string, notBefore int64) (*entry, bool) {
	e, ok := st.colls[coll].byIDOrNil()[id]
	if !ok || e.at < notBefore {
		return nil, false
	}
	return e, true
}

func (c *collection) byIDOrNil() map[string]*entry {
	if c == nil {
		return nil
	}
	return c.byID
}

// scan calls fn on coll's live objects in creation order, newest first or,
// if ascending, oldest first, beginning after the object from ("" = at the
// start). A from that is not there yields nothing. It stops when fn returns
// false, and reports whether fn asked to go on.
func (st *memState) scan(coll, from string, ascending bool, notBefore int64, fn func(id string, obj json.RawMessage) bool) bool {
	c := st.colls[coll]
	if c == nil {
		return from == ""
	}
	i, step := len(c.order)-1, -1
	if ascending {
		i, step = 0, 1
	}
	if from != "" {
		e, ok := c.byID[from]
		if !ok {
			return false
		}
		i = e.pos - c.base + step
	}
	for ; i >= 0 && i < len(c.order); i += step {
		e := c.order[i]
		if e == nil || e.at < notBefore {
			continue
		}
		if !fn(e.id, e.obj) {
			return false
		}
	}
	return true
}

// idempotency returns the record kept for key.
func (st *memState) idempotency(key string) (*IdempotencyRecord, bool) {
	rec, ok := st.idem[key]
	return rec, ok
}

// limits are what a store keeps at most: 0 means no limit.
type limits struct {
	maxObjects  int           // objects, and idempotency records apart
	expireAfter time.Duration // objects created longer ago are deleted
}

// plan turns a transaction into the ops that commit it, adding the
// deletions that keep the state within lim: expired objects first (so an
// id put again starts afresh), then the transaction's puts, then the
// oldest objects beyond the cap, then the idempotency records. It does not
// change the state, except that it drops the idempotency ages it has
// planned to delete (restore gives them back if the ops are not applied).
func (st *memState) plan(t *tx, lim limits, now time.Time) (ops []op, dropped []idemAge) {
	at := now.UnixNano()
	ops = st.expired(ops, lim, now)
	for _, k := range t.order {
		ops = append(ops, op{kind: opPut, coll: k.collection, id: k.id, at: at, obj: t.puts[k]})
	}
	if lim.maxObjects > 0 {
		ops = st.overCap(ops, t, lim.maxObjects)
	}
	for _, key := range t.idemOrder {
		ops = append(ops, op{kind: opPutIdem, id: key, rec: t.idem[key]})
	}
	// Idempotency records: the pruned ones, then the oldest beyond the cap.
	records := len(st.idem) + len(t.idemOrder)
	for st.idemAge.Len() > 0 {
		top := st.idemAge[0]
		rec, ok := st.idem[top.key]
		switch {
		case !ok || rec.Created != top.created:
			heap.Pop(&st.idemAge) // replaced or deleted since
			continue
		case rec.createdBefore(t.pruneBefore), lim.maxObjects > 0 && records > lim.maxObjects:
			if _, again := t.idem[top.key]; !again {
				ops = append(ops, op{kind: opDeleteIdem, id: top.key})
				records--
			}
			dropped = append(dropped, heap.Pop(&st.idemAge).(idemAge))
			continue
		}
		break
	}
	return ops, dropped
}

// restore gives back the idempotency ages plan dropped, when its ops were
// not applied.
func (st *memState) restore(dropped []idemAge) {
	for _, a := range dropped {
		heap.Push(&st.idemAge, a)
	}
}

// expired appends deletions of the objects older than lim.expireAfter.
func (st *memState) expired(ops []op, lim limits, now time.Time) []op {
	if lim.expireAfter <= 0 {
		return ops
	}
	cutoff := now.Add(-lim.expireAfter).UnixNano()
	for name, c := range st.colls {
		for _, e := range c.order {
			if e == nil {
				continue
			}
			if e.at >= cutoff {
				break
			}
			ops = append(ops, op{kind: opDelete, coll: name, id: e.id})
		}
	}
	return ops
}

// overCap appends deletions of the oldest objects while the store would
// hold more than max, skipping those the transaction puts (and those ops
// already delete).
func (st *memState) overCap(ops []op, t *tx, max int) []op {
	deleted := map[objectKey]bool{}
	for _, o := range ops {
		if o.kind == opDelete {
			deleted[objectKey{o.coll, o.id}] = true
		}
	}
	count := st.objects - len(deleted)
	for _, k := range t.order {
		if _, ok := st.get(k.collection, k.id, 0); !ok || deleted[k] {
			count++
		}
	}
	next := map[string]int{} // per collection, the index to look at next
	for ; count > max; count-- {
		var oldest *entry
		var in string
		for name, c := range st.colls {
			i := next[name]
			for i < len(c.order) && (c.order[i] == nil || deleted[objectKey{name, c.order[i].id}] || t.puts[objectKey{name, c.order[i].id}] != nil) {
				i++
			}
			next[name] = i
			if i < len(c.order) && (oldest == nil || c.order[i].seq < oldest.seq) {
				oldest, in = c.order[i], name
			}
		}
		if oldest == nil {
			break
		}
		deleted[objectKey{in, oldest.id}] = true
		ops = append(ops, op{kind: opDelete, coll: in, id: oldest.id})
	}
	return ops
}

// snapshotOps are the ops that rebuild the state from nothing: every
// object in creation order, then every idempotency record.
func (st *memState) snapshotOps() []op {
	ops := make([]op, 0, st.objects+len(st.idem))
	next := map[string]int{}
	for {
		var oldest *entry
		var in string
		for name, c := range st.colls {
			i := next[name]
			for i < len(c.order) && c.order[i] == nil {
				i++
			}
			next[name] = i
			if i < len(c.order) && (oldest == nil || c.order[i].seq < oldest.seq) {
				oldest, in = c.order[i], name
			}
		}
		if oldest == nil {
			break
		}
		next[in]++
		ops = append(ops, op{kind: opPut, coll: in, id: oldest.id, at: oldest.at, obj: oldest.obj})
	}
	for key, rec := range st.idem {
		ops = append(ops, op{kind: opPutIdem, id: key, rec: rec})
	}
	return ops
}

// idemAge is an idempotency key by the time its record was created.
type idemAge struct {
	created int64
	key     string
}

type idemHeap []idemAge

func (h idemHeap) Len() int           { return len(h) }
func (h idemHeap) Less(i, j int) bool { return h[i].created < h[j].created }
func (h idemHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *idemHeap) Push(x any)        { *h = append(*h, x.(idemAge)) }
func (h *idemHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
