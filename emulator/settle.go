package emulator

import "time"

// Records that change with time alone (a pending ACH debit settles days
// later) are brought up to the request's time as they are read. The change
// is written, through put and so with its events (charge.succeeded,
// charge.failed), by the first request that reads it: an Update writes it
// at once; a read-only request marks itself due and serve runs it again as
// an Update. The next read finds it settled, so it is written once.

// settler is a record that changes with time alone.
type settler interface {
	// settle brings the record up to now; true if it changed.
	settle(now time.Time) bool
	// write puts the record as it became.
	write(o *objects)
	// settleAt is when it will next change (unix seconds); 0 never.
	settleAt() int64
}

// settle brings a record read at o.now up to that time; true if it changed.
// Objects with no time (an event's rendering, a delivery) never settle.
func (o *objects) settle(v any) bool {
	s, ok := v.(settler)
	return ok && !o.now.IsZero() && s.settle(o.now)
}

// keepSettled writes what a record became with time, its events naming no
// request (as Stripe's do for a debit that settles), or marks a read-only
// request due to be run as an Update.
func (o *objects) keepSettled(v any) {
	if o.tx == nil {
		o.due = true
		return
	}
	from := o.origin
	if from != nil {
		o.origin = &origin{now: from.now}
		defer func() { o.origin = from }()
	}
	v.(settler).write(o)
}

func (ch *chargeRec) write(o *objects) { o.putCharge(ch) }
