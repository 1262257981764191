package emulator

import (
	"context"
	"testing"
	"time"
)

// Two Delivers that both found a delivery theirs to take (none logged, or
// its sender ended) claim it once between them: the claim checks, under
// the store's write lock, that the log is still as the look found it.
func TestADeliveryIsClaimedOnceByTwoThatLookedAtIt(t *testing.T) {
	e, _ := New(Options{Now: clock})
	endpoint := newReceiver(t).endpoint(e, "customer.created")
	makeCustomers(t, e, 1)
	// a's claims lapse at once: with no state dir, the lease is all that
	// says its sender runs.
	a := &dispatcher{e: e, owner: "dlv_a"}
	b := &dispatcher{e: e, owner: "dlv_b", lease: time.Minute}
	c := &dispatcher{e: e, owner: "dlv_c", lease: time.Minute}
	lookAt := func(d *dispatcher) (l look) {
		err := e.store.View(context.Background(), func(r Reader) error {
			l = d.look(&objects{r: r}, endpoint)
			return nil
		})
		if err != nil || l.next == "" {
			t.Fatalf("%s found nothing to deliver: %v", d.owner, err)
		}
		return l
	}
	claimWith := func(d *dispatcher, l look) (claimed bool) {
		err := e.store.Update(context.Background(), func(tx Tx) error {
			o := &objects{r: tx, tx: tx}
			ev, _ := d.claim(o, endpoint, l.next, l.logged)
			claimed = ev != nil
			return o.err
		})
		if err != nil {
			t.Fatal(err)
		}
		return claimed
	}

	la, lb := lookAt(a), lookAt(b)
	if la.logged != nil || !claimWith(a, la) {
		t.Fatalf("the first claim of a delivery never logged failed (logged %+v)", la.logged)
	}
	if claimWith(b, lb) {
		t.Error("a delivery claimed after b looked was claimed by b too")
	}
	lb, lc := lookAt(b), lookAt(c)
	if lb.logged == nil || lb.logged.Owner != "dlv_a" || !b.claimable(lb.logged, clock().Unix()) {
		t.Fatalf("b does not find a's lapsed claim to take over: %+v", lb.logged)
	}
	if !claimWith(c, lc) {
		t.Fatal("c could not take over a's lapsed claim")
	}
	if claimWith(b, lb) {
		t.Error("a delivery c took over after b looked was taken over by b too")
	}
}
