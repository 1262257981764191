package emulator

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// The records that will change with time (a pending ACH debit, a refund
// that settles later) are listed in one small document, so that what is
// due is found without walking every charge and refund: a background
// settler (Settle) reads that document, not the collections, and a list
// of events settles what is due before it is listed. A record is listed
// when it is written with a time to settle (put), and leaves the list
// when it is written settled, or is found settled already.

const (
	settlingColl = "settling"
	settlingID   = "due"
)

// dueIndex is the list of records that will settle, with when.
type dueIndex struct {
	Due []dueEntry `json:"due"`
}

type dueEntry struct {
	Collection string `json:"collection"`
	ID         string `json:"id"`
	At         int64  `json:"at"` // unix seconds
}

// settlerReads read a record of each collection that has settlers, so
// that reading it settles it (get) and writes what it became.
var settlerReads = map[string]func(o *objects, id string){
	chargesColl:  func(o *objects, id string) { o.charge(id) },
	refundsColl:  func(o *objects, id string) { o.refund(id) },
	disputesColl: func(o *objects, id string) { o.dispute(id) },
}

func (o *objects) dueIndex() *dueIndex {
	idx, ok := get[dueIndex](o, settlingColl, settlingID)
	if !ok {
		return &dueIndex{}
	}
	return idx
}

// listSettling keeps collection/id on the list to settle at (unix
// seconds), or off it (at 0): put calls it for every record that
// settles, and it writes the list only when that changes it.
func (o *objects) listSettling(collection, id string, at int64) {
	idx := o.dueIndex()
	i := slices.IndexFunc(idx.Due, func(e dueEntry) bool { return e.Collection == collection && e.ID == id })
	switch {
	case i < 0 && at == 0, i >= 0 && idx.Due[i].At == at:
		return
	case at == 0:
		idx.Due = slices.Delete(idx.Due, i, i+1)
	case i < 0:
		idx.Due = append(idx.Due, dueEntry{collection, id, at})
	default:
		idx.Due[i].At = at
	}
	o.put(settlingColl, settlingID, idx)
}

// dropDue takes collection/id off the list if it is still listed as due
// by o.now (a record that settles again later stays listed).
func (o *objects) dropDue(collection, id string) {
	if o.tx == nil {
		return
	}
	idx := o.dueIndex()
	n := len(idx.Due)
	idx.Due = slices.DeleteFunc(idx.Due, func(e dueEntry) bool {
		return e.Collection == collection && e.ID == id && e.At <= o.now.Unix()
	})
	if len(idx.Due) != n {
		o.put(settlingColl, settlingID, idx)
	}
}

// dueBy splits the listed records into those due by now, soonest first,
// and when the next of the others is (zero: none).
func (idx *dueIndex) dueBy(now time.Time) (due []dueEntry, next time.Time) {
	var at int64
	for _, e := range idx.Due {
		switch {
		case e.At <= now.Unix():
			due = append(due, e)
		case at == 0 || e.At < at:
			at = e.At
		}
	}
	if at != 0 {
		next = time.Unix(at, 0)
	}
	// Settled in the order they fell due, so that their changes, and
	// their events, are dated and kept in that order (settle.go).
	slices.SortStableFunc(due, func(a, b dueEntry) int { return cmp.Compare(a.At, b.At) })
	return due, next
}

// settleDue reads every listed record due by o.now, which settles it (in
// an Update it is written, with its events; in a View the request is
// marked due, to run again as an Update). It returns when the next
// record not yet due settles (zero: none).
func settleDue(o *objects) time.Time {
	due, next := o.dueIndex().dueBy(o.now)
	for _, e := range due {
		if read, ok := settlerReads[e.Collection]; ok {
			read(o, e.ID)
		}
		// A record settled by another process before this read, or
		// gone, is taken off the list here; one settled by this read
		// was taken off as it was written.
		o.dropDue(e.Collection, e.ID)
	}
	return next
}

// SettleDue writes what the records due by now became (a debit
// succeeded, a refund failed), with their events, and returns when the
// next one is due (zero: none listed). Nothing due costs one read of the
// list; several processes sharing the store may call it at once: the
// list and the records are read and written in one Update, so each
// change is written, and its events made, once.
func (e *Emulator) SettleDue(ctx context.Context) (time.Time, error) {
	now := e.now()
	var next time.Time
	var due []dueEntry
	err := e.store.View(ctx, func(r Reader) error {
		o := &objects{r: r, key: e.key, now: now}
		due, next = o.dueIndex().dueBy(now)
		return o.err
	})
	if err != nil || len(due) == 0 {
		return next, err
	}
	events := 0
	err = e.store.Update(ctx, func(tx Tx) error {
		o := &objects{r: tx, tx: tx, key: e.key, now: now, origin: &origin{now: now}, allowCards: e.opts.AllowCardNumbersInText}
		next = settleDue(o)
		events = o.events
		return o.err
	})
	if err == nil && events > 0 {
		e.made.tell()
	}
	return next, err
}

// SettleOptions tune Settle.
type SettleOptions struct {
	// Every bounds how long Settle sleeps between looks (DefaultSettleEvery
	// when 0): records another process lists are seen within it.
	Every time.Duration
	// Wake tells of writes other processes made (the state dir's files
	// changed): Settle looks again at once.
	Wake <-chan struct{}
	// Logf hears of store errors; nil drops them.
	Logf func(format string, args ...any)
}

// DefaultSettleEvery is how often Settle looks when nothing tells it to.
const DefaultSettleEvery = time.Second

// Settle settles records as they fall due, until ctx ends, so that their
// events are made (and their webhooks sent) without anyone reading them:
// it sleeps until the next record is due, or Every, or a write by this
// emulator or (Wake) another process, whichever comes first.
func (e *Emulator) Settle(ctx context.Context, opts SettleOptions) error {
	every := orDefault(opts.Every, DefaultSettleEvery)
	made := e.EventsMade(ctx)
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		next, err := e.SettleDue(ctx)
		if err != nil && ctx.Err() == nil && opts.Logf != nil {
			opts.Logf("settle: %v", err)
		}
		timer.Reset(settleWait(next, e.now(), every))
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-made:
		case <-opts.Wake:
		}
	}
}

// settleWait is how long to sleep before the record due at next (zero:
// none) settles, at most every. Times are whole seconds: a record due
// within the second now is in is looked at again after it.
func settleWait(next, now time.Time, every time.Duration) time.Duration {
	if next.IsZero() {
		return every
	}
	return min(max(next.Sub(now), 0), every)
}
