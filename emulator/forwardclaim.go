package emulator

import (
	"context"
	"time"
)

// ClaimForward takes the delivery of f.Event to f.URL's listener for
// owner (one listen) until lease runs out. Listens forwarding to one URL
// (two terminals, two scripts) would each send every event and log both
// sends as one delivery of "2 attempts"; as an endpoint's delivery is
// claimed (Deliver), the first listen to claim an event sends it and the
// others skip it. False: another listen has it, or it is done.
func (e *Emulator) ClaimForward(ctx context.Context, f Forward, owner string, now time.Time, lease time.Duration) (bool, error) {
	return claimForward(ctx, e.store, f, owner, now, lease)
}

// ClaimForward is Emulator.ClaimForward, in the forward log.
func (l *ForwardLog) ClaimForward(ctx context.Context, f Forward, owner string, now time.Time, lease time.Duration) (bool, error) {
	return claimForward(ctx, l.store, f, owner, now, lease)
}

func claimForward(ctx context.Context, s Store, f Forward, owner string, now time.Time, lease time.Duration) (bool, error) {
	listener := ListenerID(f.URL)
	id := f.Event + ":" + listener
	claimed := false
	err := s.Update(ctx, func(tx Tx) error {
		claimed = false
		o := &objects{r: tx, tx: tx}
		if !o.has(listenersColl, listener) {
			o.put(listenersColl, listener, &listenerRec{ID: listener, URL: f.URL})
		}
		rec, seen := get[deliveryRec](o, deliveriesColl, id)
		if seen && (rec.State != Delivering || rec.Owner != owner && rec.Lease > now.Unix()) {
			return o.err // delivered, given up, or another listen has it
		}
		if !seen {
			rec = &deliveryRec{ID: id, Event: f.Event, Type: f.Type, Endpoint: listener, URL: f.URL}
		}
		rec.State, rec.Owner, rec.Lease = Delivering, owner, now.Add(lease).Unix()
		o.put(deliveriesColl, id, rec)
		claimed = o.err == nil
		return o.err
	})
	return claimed, err
}
