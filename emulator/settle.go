package emulator

import "time"

// Records that change with time alone (a pending ACH debit settles days
// later) are brought up to the request's time as they are read. The change
// is written, through put and so with its events (charge.succeeded,
// charge.failed), by the first request that reads it: an Update writes it
// at once; a read-only request marks itself due and serve runs it again as
// an Update. The next read finds it settled, so it is written once.
//
// The change is dated when it fell due, not when it was read, as Stripe
// dates a debit's failure when the bank returned it: a one-shot command
// run a minute later (tokenscope get py_…) must not move the debit's
// charge.failed, or its reversal, to that minute.

// settler is a record that changes with time alone.
type settler interface {
	// settle brings the record up to now. It returns when the last change
	// it made fell due (unix seconds), 0 when nothing changed.
	settle(now time.Time) int64
	// write puts the record as it became.
	write(o *objects)
	// settleAt is when it will next change (unix seconds); 0 never.
	settleAt() int64
}

// settle brings a record read at o.now up to that time, and returns when
// its last change fell due (0: it did not change). Objects with no time
// (an event's rendering, a delivery) never settle.
func (o *objects) settle(v any) int64 {
	s, ok := v.(settler)
	if !ok || o.now.IsZero() {
		return 0
	}
	return s.settle(o.now)
}

// keepSettled writes what a record became with time (its change fell due
// at the unix second at), its events naming no request (as Stripe's do for
// a debit that settles) and dated at settledTime, or marks a read-only
// request due to be run as an Update.
func (o *objects) keepSettled(v any, at int64) {
	if o.tx == nil {
		o.due = true
		return
	}
	from := o.origin
	o.origin = &origin{now: o.settledTime(at)}
	defer func() { o.origin = from }()
	v.(settler).write(o)
}

// settledTime is when a change that fell due at (unix seconds) is dated:
// then, or, when events were made since, the newest one's time. Events
// are kept in the order they were made and GET /v1/events walks them
// newest first, stopping at the first older than its created filter, so
// an event is never dated before one made ahead of it; and none is dated
// after the request that writes it.
func (o *objects) settledTime(at int64) time.Time {
	scan(o, eventsColl, "", false, func(ev *eventJSON) bool {
		at = max(at, ev.Created)
		return false
	})
	if !o.now.IsZero() {
		at = min(at, o.now.Unix())
	}
	return time.Unix(at, 0)
}

func (ch *chargeRec) write(o *objects) {
	if ch.expiring {
		o.expireAuthorization(ch)
		return
	}
	o.putCharge(ch)
}
