package emulator

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// stateView reads a memState as a Reader, hiding the objects a store with
// an expiry no longer keeps.
type stateView struct {
	st        *memState
	notBefore int64 // unix nanoseconds; objects created earlier are gone
}

func (v stateView) Get(collection, id string) (json.RawMessage, bool, error) {
	e, ok := v.st.get(collection, id, v.notBefore)
	if !ok {
		return nil, false, nil
	}
	return e.obj, true, nil
}

func (v stateView) Idempotency(key string) (*IdempotencyRecord, bool, error) {
	rec, ok := v.st.idempotency(key)
	return rec, ok, nil
}

func (v stateView) Scan(collection, from string, ascending bool, fn func(string, json.RawMessage) bool) error {
	v.st.scan(collection, from, ascending, v.notBefore, fn)
	return nil
}

type objectKey struct{ collection, id string }

// tx is an Update's transaction: its writes are staged, seen by its own
// reads, and become ops (memState.plan) only if its function succeeds.
type tx struct {
	base        stateView
	puts        map[objectKey]json.RawMessage
	order       []objectKey // puts, each key at its first put
	idem        map[string]*IdempotencyRecord
	idemOrder   []string
	pruneBefore time.Time // records created earlier are gone
}

// newTx starts a transaction; its maps are made by its first writes, as
// most transactions put one object or none.
func newTx(base stateView) *tx { return &tx{base: base} }

func (t *tx) Get(collection, id string) (json.RawMessage, bool, error) {
	if obj, ok := t.puts[objectKey{collection, id}]; ok {
		return obj, true, nil
	}
	return t.base.Get(collection, id)
}

func (t *tx) Idempotency(key string) (*IdempotencyRecord, bool, error) {
	if rec, ok := t.idem[key]; ok {
		return rec, true, nil
	}
	rec, ok, err := t.base.Idempotency(key)
	if !ok || err != nil || rec.createdBefore(t.pruneBefore) {
		return nil, false, err
	}
	return rec, true, nil
}

func (t *tx) Put(collection, id string, obj json.RawMessage) error {
	if !looksWhole(obj) { // what the log could not read back
		return fmt.Errorf("emulator: put %s %s: %w", collection, id, notObject(obj))
	}
	k := objectKey{collection, id}
	if _, ok := t.puts[k]; !ok {
		t.order = append(t.order, k)
	}
	if t.puts == nil {
		t.puts = map[objectKey]json.RawMessage{}
	}
	t.puts[k] = obj
	return nil
}

func (t *tx) PutIdempotency(key string, rec *IdempotencyRecord) error {
	if !looksWhole(rec.Body) {
		return fmt.Errorf("emulator: put the answer for idempotency key %q: %w", key, notObject(rec.Body))
	}
	if _, ok := t.idem[key]; !ok {
		t.idemOrder = append(t.idemOrder, key)
	}
	if t.idem == nil {
		t.idem = map[string]*IdempotencyRecord{}
	}
	t.idem[key] = rec
	return nil
}

func (t *tx) PruneIdempotency(before time.Time) error {
	if before.After(t.pruneBefore) {
		t.pruneBefore = before
	}
	return nil
}

// Scan sees the transaction's writes: objects it created are the newest,
// in the order it put them, and objects it replaced read as replaced.
func (t *tx) Scan(collection, from string, ascending bool, fn func(string, json.RawMessage) bool) error {
	var created []string // new in this transaction, oldest first
	touched := false
	for _, k := range t.order {
		if k.collection != collection {
			continue
		}
		touched = true
		if _, ok, _ := t.base.Get(k.collection, k.id); !ok {
			created = append(created, k.id)
		}
	}
	if !touched {
		return t.base.Scan(collection, from, ascending, fn)
	}
	more := true
	staged := func(id string, obj json.RawMessage) bool {
		if o, ok := t.puts[objectKey{collection, id}]; ok {
			obj = o
		}
		more = fn(id, obj)
		return more
	}
	fromBase := from == ""
	if !fromBase {
		_, fromBase, _ = t.base.Get(collection, from)
	}
	at := slices.Index(created, from) // where from is among the new ones
	if !fromBase && at < 0 {
		return nil
	}
	if !ascending {
		// Newest first: the new ones (before from, if it is one), then
		// the rest.
		for i := len(created) - 1; i >= 0 && more; i-- {
			if from == "" || i < at {
				staged(created[i], t.puts[objectKey{collection, created[i]}])
			}
		}
		if more && at >= 0 {
			from = ""
		}
		if more {
			return t.base.Scan(collection, from, false, staged)
		}
		return nil
	}
	if fromBase {
		if err := t.base.Scan(collection, from, true, staged); err != nil {
			return err
		}
	}
	for i := at + 1; i < len(created) && more; i++ {
		staged(created[i], t.puts[objectKey{collection, created[i]}])
	}
	return nil
}
