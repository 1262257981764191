package emulator

import (
	"context"
	"encoding/json"
	"maps"
	"sync"
	"time"
)

// objectSet is a whole set of objects held in memory: the content of a
// memory store, and the JSON store's copy of its file.
type objectSet struct {
	objects     map[string]map[string]json.RawMessage // collection -> id -> object
	idempotency map[string]*IdempotencyRecord         // by Idempotency-Key
}

func newObjectSet() *objectSet {
	return &objectSet{objects: map[string]map[string]json.RawMessage{}, idempotency: map[string]*IdempotencyRecord{}}
}

func (s *objectSet) Get(collection, id string) (json.RawMessage, bool, error) {
	obj, ok := s.objects[collection][id]
	return obj, ok, nil
}

func (s *objectSet) Idempotency(key string) (*IdempotencyRecord, bool, error) {
	rec, ok := s.idempotency[key]
	return rec, ok, nil
}

type objectKey struct{ collection, id string }

// setTx is a transaction on an objectSet. Writes are staged and applied by
// commit, so a transaction whose function fails leaves the set as it was.
type setTx struct {
	base        *objectSet
	puts        map[objectKey]json.RawMessage
	idemPuts    map[string]*IdempotencyRecord
	pruneBefore time.Time // records created earlier are gone
}

func newSetTx(base *objectSet) *setTx {
	return &setTx{base: base, puts: map[objectKey]json.RawMessage{}, idemPuts: map[string]*IdempotencyRecord{}}
}

func (t *setTx) Get(collection, id string) (json.RawMessage, bool, error) {
	if obj, ok := t.puts[objectKey{collection, id}]; ok {
		return obj, true, nil
	}
	return t.base.Get(collection, id)
}

func (t *setTx) Idempotency(key string) (*IdempotencyRecord, bool, error) {
	if rec, ok := t.idemPuts[key]; ok {
		return rec, true, nil
	}
	rec, ok := t.base.idempotency[key]
	if !ok || rec.createdBefore(t.pruneBefore) {
		return nil, false, nil
	}
	return rec, true, nil
}

func (t *setTx) Put(collection, id string, obj json.RawMessage) error {
	t.puts[objectKey{collection, id}] = obj
	return nil
}

func (t *setTx) PutIdempotency(key string, rec *IdempotencyRecord) error {
	t.idemPuts[key] = rec
	return nil
}

func (t *setTx) PruneIdempotency(before time.Time) error {
	if before.After(t.pruneBefore) {
		t.pruneBefore = before
	}
	return nil
}

// commit applies the transaction to its set and reports whether anything
// changed, so that a store writes only what did.
func (t *setTx) commit() bool {
	changed := len(t.puts) > 0 || len(t.idemPuts) > 0
	for k, obj := range t.puts {
		coll := t.base.objects[k.collection]
		if coll == nil {
			coll = map[string]json.RawMessage{}
			t.base.objects[k.collection] = coll
		}
		coll[k.id] = obj
	}
	for key, rec := range t.base.idempotency {
		if rec.createdBefore(t.pruneBefore) {
			delete(t.base.idempotency, key)
			changed = true
		}
	}
	maps.Copy(t.base.idempotency, t.idemPuts)
	return changed
}

// memoryStore keeps the objects in memory only, for tests and for an
// emulator without a state dir.
type memoryStore struct {
	mu  sync.Mutex // guards set
	set *objectSet
}

// NewMemoryStore returns an empty Store that lives as long as the process.
func NewMemoryStore() Store { return &memoryStore{set: newObjectSet()} }

func (s *memoryStore) View(_ context.Context, fn func(Reader) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn(s.set)
}

func (s *memoryStore) Update(_ context.Context, fn func(Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx := newSetTx(s.set)
	if err := fn(tx); err != nil {
		return err
	}
	tx.commit()
	return nil
}

func (s *memoryStore) Close() error { return nil }
