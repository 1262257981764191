package emulator

import "context"

// cursorsColl holds each webhook endpoint's cursor: the event up to which
// (in the store's order) every event is delivered, given up on, or not
// for the endpoint. It is in the store, not in the process, so a restart
// or another process on the state dir goes on where delivery stopped.
const cursorsColl = "webhook_cursors"

// maxScanEvents bounds how many events one step of a worker reads: a
// backlog is walked in steps, each moving the cursor.
const maxScanEvents = 1000

type cursorRec struct {
	ID    string `json:"id"`    // the endpoint
	Event string `json:"event"` // "" before the oldest event
}

// eventHead is what a worker reads of an event to know whether it is for
// its endpoint.
type eventHead struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Created int64  `json:"created"`
}

// step is what a worker's step came to, and so what it does next.
type step int

const (
	stepMore step = iota // it moved on: step again
	stepIdle             // nothing to deliver: wait for a change
	stepBusy             // another process sends the next delivery: wait for it
	stepGone             // the endpoint was deleted: stop
)

// look is what a worker found from its endpoint's cursor.
type look struct {
	we      *endpointRec
	cursor  string       // as stored; "" with no cursor
	stored  bool         // the endpoint has a cursor
	start   string       // where the walk began
	passed  string       // the last event walked past: done, or not for the endpoint
	next    string       // the next event to deliver, if claimable
	logged  *deliveryRec // next's delivery as the walk found it, still being delivered; nil for none
	busy    bool         // the next one is another process's to send
	scanned int
}

// next takes one step of the endpoint's worker: it walks the events from
// the cursor past those done or not for the endpoint, and claims and
// sends the first one left, moving the cursor up to it. The walk reads
// (a View); only the claim and the cursor's move write, checking that no
// other process moved the cursor meanwhile.
func (d *dispatcher) next(ctx context.Context, endpoint string) (step, error) {
	var l look
	err := d.e.store.View(ctx, func(r Reader) error {
		l = d.look(&objects{r: r}, endpoint)
		return nil
	})
	if err != nil || l.we == nil {
		return stepGone, err
	}
	if l.logged != nil && !d.claimable(l.logged, d.e.now().Unix()) {
		l.next, l.logged, l.busy = "", nil, true
	}
	moved := l.passed != "" || (!l.stored && l.start != "")
	if l.next == "" && !moved {
		if l.busy {
			return stepBusy, nil
		}
		return stepIdle, nil
	}
	var claimed *eventJSON
	var we *endpointRec
	err = d.e.store.Update(ctx, func(tx Tx) error {
		claimed, we = nil, nil
		o := &objects{r: tx, tx: tx}
		cur, ok := get[cursorRec](o, cursorsColl, endpoint)
		if ok != l.stored || ok && cur.Event != l.cursor {
			return o.err // another process moved it: look again
		}
		to := l.passed
		if to == "" {
			to = l.start
		}
		if to != l.cursor || !l.stored {
			o.put(cursorsColl, endpoint, &cursorRec{ID: endpoint, Event: to})
		}
		if l.next != "" {
			claimed, we = d.claim(o, endpoint, l.next, l.logged)
		}
		return o.err
	})
	switch {
	case err != nil:
		return stepBusy, err
	case claimed != nil:
		d.send(ctx, we, claimed)
		return stepMore, nil
	case l.busy:
		return stepBusy, nil
	}
	return stepMore, nil
}

// look walks the endpoint's events from its cursor, up to the first for
// the endpoint that is neither delivered nor given up; a nil we is an
// endpoint gone.
func (d *dispatcher) look(o *objects, endpoint string) look {
	var l look
	we, ok := get[endpointRec](o, endpointsColl, endpoint)
	if !ok || we.Deleted {
		return l
	}
	l.we = we
	if cur, ok := get[cursorRec](o, cursorsColl, endpoint); ok {
		l.cursor, l.stored = cur.Event, true
	}
	l.start = l.cursor
	if !l.stored || l.start != "" && !o.has(eventsColl, l.start) {
		l.start = firstBefore(o, we.Created)
	}
	scan(o, eventsColl, l.start, true, func(ev *eventHead) bool {
		l.scanned++
		if we.wants(ev.Type, ev.Created) {
			rec, seen := get[deliveryRec](o, deliveriesColl, ev.ID+":"+endpoint)
			if !seen || rec.State == Delivering {
				// Whether its sender still runs is for next to judge,
				// after the View (claimable).
				l.next = ev.ID
				if seen {
					l.logged = rec
				}
				return false
			}
		}
		l.passed = ev.ID
		return l.scanned < maxScanEvents
	})
	return l
}

// firstBefore is where an endpoint without a cursor begins: after the
// newest event made before the endpoint was, or before the oldest. An
// endpoint whose cursor's event is gone (dropped for age or by the cap,
// with those before it) begins there too: the deliveries logged since
// are skipped as done.
func firstBefore(o *objects, created int64) string {
	start := ""
	scan(o, eventsColl, "", false, func(ev *eventHead) bool {
		if ev.Created < created {
			start = ev.ID
			return false
		}
		return true
	})
	return start
}

// claimable reports whether this process may send a delivery logged as
// rec: one still being delivered whose sender is gone (deliver_owner.go).
// Finding that out reads the state dir, which is done outside the
// store's locks: next calls it between the View and the Update.
func (d *dispatcher) claimable(rec *deliveryRec, now int64) bool {
	return rec.State == Delivering && (rec.Owner == d.owner || !d.e.ownerAlive(rec.Owner, rec.Lease, now))
}

// claim marks the event's delivery to the endpoint as this process's to
// send, if it still may: its log is still as look found it (logged, nil
// for none), whose sender was judged ended. It returns the event and the
// endpoint.
func (d *dispatcher) claim(o *objects, endpoint, event string, logged *deliveryRec) (*eventJSON, *endpointRec) {
	ep, ok := get[endpointRec](o, endpointsColl, endpoint)
	if !ok || ep.Deleted {
		return nil, nil
	}
	ev, ok := get[eventJSON](o, eventsColl, event)
	if !ok || !ep.wants(ev.Type, ev.Created) {
		return nil, nil
	}
	id := event + ":" + endpoint
	now := d.e.now().Unix()
	rec, seen := get[deliveryRec](o, deliveriesColl, id)
	if seen != (logged != nil) || seen && (rec.State != Delivering || rec.Owner != logged.Owner || rec.Lease != logged.Lease) {
		return nil, nil // delivered, given up, or claimed since: look again
	}
	if !seen {
		rec = &deliveryRec{ID: id, Event: event, Type: ev.Type, Endpoint: endpoint, URL: ep.URL}
	}
	rec.State, rec.Owner, rec.Lease = Delivering, d.owner, now+int64(d.lease.Seconds())
	o.put(deliveriesColl, id, rec)
	return ev, ep
}
