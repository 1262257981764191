package emulator

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// Collections of objects in the Store, named as the API's paths name them.
const (
	tokensColl    = "tokens"
	customersColl = "customers"
	chargesColl   = "charges"
)

// objects is the handlers' typed access to the Store during one request:
// records are decoded from and encoded to the store's JSON documents here.
// The first error (the store could not answer, a record would hold a
// secret) is kept in err and ends the request; handlers need not check it,
// since serve does before answering, and an Update with it lands nothing.
type objects struct {
	r   Reader
	tx  Tx // nil in a request that only reads
	key *hashKey
	err error
	// now is the request's time, at which a pending debit reads settled.
	now time.Time
	// origin is the request the writes are made for; their events name
	// it. nil while rendering an event's object, which writes nothing.
	origin *origin
	events int // events made: the Update tells followers when it lands
	// orig is each object this Update wrote as it was before the request
	// (nil: it did not exist), so an event's "before" is the object as
	// the request found it, with everything it shows (an account's
	// person) as it was then too.
	orig map[objectKey]json.RawMessage
	// due: a read in a View found a record that has changed with time (a
	// debit settled); the request is run again as an Update to write it.
	due bool
	// allowCards: the guard checks for keys only (cardtext.go).
	allowCards bool
}

func (o *objects) token(id string) (*tokenRec, bool) {
	return get[tokenRec](o, tokensColl, id)
}

// customer is a customer not deleted: a deleted one is "No such
// customer" to everything but its own GET.
func (o *objects) customer(id string) (*customerRec, bool) {
	cus, ok := o.customerOrDeleted(id)
	return cus, ok && !cus.Deleted
}

func (o *objects) customerOrDeleted(id string) (*customerRec, bool) {
	return get[customerRec](o, customersColl, id)
}

func (o *objects) charge(id string) (*chargeRec, bool) {
	return get[chargeRec](o, chargesColl, id)
}

func (o *objects) putToken(t *tokenRec)       { o.put(tokensColl, t.ID, t) }
func (o *objects) putCustomer(c *customerRec) { o.put(customersColl, c.ID, c) }
func (o *objects) putCharge(c *chargeRec) {
	o.put(chargesColl, c.ID, c)
	o.keepBalanceTx(c)
	if reason := c.disputeReason; reason != "" {
		c.disputeReason = ""
		o.openDispute(c, reason)
		if c.Money.Dispute != "" {
			o.put(chargesColl, c.ID, c)
		}
	}
}

func get[T any](o *objects, collection, id string) (*T, bool) {
	if o.err != nil {
		return nil, false
	}
	raw, ok, err := o.r.Get(collection, id)
	if err != nil || !ok {
		o.fail(err)
		return nil, false
	}
	v, err := decodeObject[T](raw)
	if err != nil {
		o.fail(fmt.Errorf("emulator: %s %s: %w", collection, id, err))
		return nil, false
	}
	if at := o.settle(v); at != 0 {
		o.keepSettled(v, at)
	}
	return v, true
}

// decodeObject decodes an object as a store keeps it. A null would decode
// into a zero record (a token with no id, no card), which handlers are
// not written to meet: it is an error, as any other non-object is.
func decodeObject[T any](raw json.RawMessage) (*T, error) {
	if !looksLikeObject(raw) {
		return nil, notObject(raw) // Unmarshal checks the rest
	}
	v := new(T)
	return v, json.Unmarshal(raw, v)
}

// scan walks the records of a collection newest first, or oldest first
// when ascending, from just past the record from ("" for the end), until
// fn returns false.
func scan[T any](o *objects, collection, from string, ascending bool, fn func(*T) bool) {
	if o.err != nil {
		return
	}
	type change struct {
		v  *T
		at int64
	}
	var settled []change // written once the scan is done: a store is not written while walked
	err := o.r.Scan(collection, from, ascending, func(id string, raw json.RawMessage) bool {
		v, err := decodeObject[T](raw)
		if err != nil {
			o.fail(fmt.Errorf("emulator: %s %s: %w", collection, id, err))
			return false
		}
		if at := o.settle(v); at != 0 {
			settled = append(settled, change{v, at})
		}
		return fn(v)
	})
	o.fail(err)
	// In the order they fell due, so their events are too.
	slices.SortStableFunc(settled, func(a, b change) int { return cmp.Compare(a.at, b.at) })
	for _, c := range settled {
		o.keepSettled(c.v, c.at)
	}
}

// has reports whether the collection holds id, without decoding it.
func (o *objects) has(collection, id string) bool {
	if o.err != nil {
		return false
	}
	_, ok, err := o.r.Get(collection, id)
	o.fail(err)
	return ok
}

// put encodes v and hands it to the store, after the secret guard: a card
// number or key a request carried into a stored field (a name, a
// description) fails the request with *fsutil.SecretError, whatever the
// store.
//
// put is also where events are made (eventtypes.go): it reads what the
// object was before the write, and the table says what the change means.
func (o *objects) put(collection, id string, v any) {
	if o.err != nil {
		return
	}
	rules := eventRules[collection]
	var old json.RawMessage
	if o.origin != nil && collection != eventsColl {
		var err error
		if old, _, err = o.r.Get(collection, id); err != nil {
			o.fail(err)
			return
		}
		o.remember(collection, id, old)
	}
	data, err := o.encode(v)
	if err == nil {
		err = o.tx.Put(collection, id, data)
	}
	o.fail(err)
	if len(rules) > 0 && o.origin != nil && o.err == nil {
		o.emit(collection, id, old, rules)
	}
	if s, ok := v.(settler); ok {
		o.listSettling(collection, id, s.settleAt())
	}
}

// remember keeps what collection/id was before the request's first write
// of it.
func (o *objects) remember(collection, id string, old json.RawMessage) {
	k := objectKey{collection, id}
	if _, ok := o.orig[k]; ok {
		return
	}
	if o.orig == nil {
		o.orig = map[objectKey]json.RawMessage{}
	}
	o.orig[k] = old
}

func (o *objects) idempotency(key string) (*IdempotencyRecord, bool) {
	if o.err != nil {
		return nil, false
	}
	rec, ok, err := o.r.Idempotency(key)
	o.fail(err)
	return rec, ok && err == nil
}

func (o *objects) putIdempotency(key string, rec *IdempotencyRecord) {
	if o.err != nil {
		return
	}
	_, err := o.encode(rec)
	if err == nil {
		err = o.tx.PutIdempotency(key, rec)
	}
	o.fail(err)
}

// encode is v's JSON once the secret guard has passed it.
func (o *objects) encode(v any) (json.RawMessage, error) {
	if o.tx == nil {
		return nil, errors.New("emulator: a write in a request that only reads")
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("emulator: encode: %w", err)
	}
	guard := fsutil.CheckSecrets
	if o.allowCards {
		guard = fsutil.CheckKeys
	}
	if err := guard(data); err != nil {
		return nil, fmt.Errorf("emulator: refusing to store it: %w", err)
	}
	return data, nil
}

func (o *objects) fail(err error) {
	if o.err == nil && err != nil {
		o.err = err
	}
}
