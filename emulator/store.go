package emulator

import (
	"context"
	"encoding/json"
	"time"
)

// Store keeps the emulator's objects (tokens, customers, charges, ...) and
// its idempotency records. The emulator is one http.Handler whatever keeps
// its objects: a map in memory for tests, a log of changes in the state
// dir (OpenLogStore) shared by every tokenscope process on that dir, and,
// in a later issue, PostgreSQL for a team. The interface is what a request
// needs from any of them:
//
//   - A request either only reads (a GET) or reads and writes (a POST), and a
//     POST must see and change the objects as one step, or two processes
//     sharing the objects would consume one token twice: hence View and
//     Update, each running a function on a consistent set of objects, where
//     the function's writes land together or not at all.
//   - Objects are opaque JSON documents, named by collection (the API path's
//     "tokens", "customers", ...) and id. The store never decodes them, so a
//     new object kind is a new collection, not a change to every store; a
//     relational store keeps them as jsonb rows.
//   - Idempotency records are not objects: they are looked up by the
//     client's key, not an id, and expire, which a store may do in bulk
//     (a DELETE by age) rather than object by object.
//
// The emulator applies the secret guard (fsutil.CheckSecrets) to whatever it
// puts, so no store ever receives a card number or a key. Implementations
// must be safe for concurrent use.
type Store interface {
	// View runs fn on the objects as they are now. fn must not keep the
	// Reader after it returns.
	View(ctx context.Context, fn func(Reader) error) error
	// Update runs fn as one transaction: no other Update of the same objects,
	// in this process or another, runs in between fn's reads and its writes.
	// If fn returns an error nothing it wrote is kept, and Update returns
	// that error. fn may run on objects loaded afresh, so it must not depend
	// on anything it read before Update.
	Update(ctx context.Context, fn func(Tx) error) error
	// Close releases what the store holds open. The emulator closes its
	// store when it is closed itself.
	Close() error
}

// Reader reads objects and idempotency records. Both return false, not an
// error, for what is not there; an error means the store could not answer.
type Reader interface {
	// Get returns the object collection/id as it was put.
	Get(collection, id string) (json.RawMessage, bool, error)
	// Idempotency returns the record kept for an Idempotency-Key.
	Idempotency(key string) (*IdempotencyRecord, bool, error)
	// Scan calls fn on the objects of collection in the order they were
	// created, newest first (Stripe's lists), or oldest first if
	// ascending, beginning after the object from: "" begins at the newest
	// (or the oldest), an id is starting_after (or, ascending,
	// ending_before). A from that is not in the collection yields nothing,
	// so check it with Get. Scan stops when fn returns false.
	Scan(collection, from string, ascending bool, fn func(id string, obj json.RawMessage) bool) error
}

// Tx is an Update's view of the objects: reads see the transaction's own
// writes.
type Tx interface {
	Reader
	// Put creates or replaces the object collection/id.
	Put(collection, id string, obj json.RawMessage) error
	// PutIdempotency keeps the answer to a request made with key.
	PutIdempotency(key string, rec *IdempotencyRecord) error
	// PruneIdempotency forgets the records created before t; reads in the
	// same transaction no longer see them.
	PruneIdempotency(t time.Time) error
}

// IdempotencyRecord is the answer to a POST made with an Idempotency-Key,
// kept so that a retry gets exactly the same bytes. Hash identifies the
// request (method, path, sorted parameters) without keeping its
// parameters, which may hold a card number.
type IdempotencyRecord struct {
	Hash      string          `json:"hash"`
	Path      string          `json:"path,omitempty"` // the endpoint, named when the key is used on another
	Status    int             `json:"status"`
	Body      json.RawMessage `json:"body"`
	RequestID string          `json:"request_id"`
	Created   int64           `json:"created"` // unix seconds, as Stripe's created fields
}

func (r *IdempotencyRecord) createdBefore(t time.Time) bool {
	return time.Unix(r.Created, 0).Before(t)
}
