package emulator

import (
	"context"
	"slices"
	"sync"
	"testing"
)

// makeCustomers makes n customers from 16 clients at once, as a CI suite
// running tests in parallel does.
func makeCustomers(t *testing.T, e *Emulator, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for c := range 16 {
		wg.Go(func() {
			for i := c; i < n; i += 16 {
				if rec := do(t, e, "POST", "/v1/customers", testKey, "email=load@example.com", nil); rec.Code != 200 {
					t.Errorf("customer %d: %d %s", i, rec.Code, rec.Body)
					return
				}
			}
		})
	}
	wg.Wait()
}

// eventIDs are the ids of the events of type typ, in the order they were
// made.
func eventIDs(t *testing.T, e *Emulator, typ string) []string {
	t.Helper()
	var ids []string
	err := e.store.View(context.Background(), func(r Reader) error {
		o := &objects{r: r}
		scan(o, eventsColl, "", true, func(ev *eventHead) bool {
			if ev.Type == typ {
				ids = append(ids, ev.ID)
			}
			return true
		})
		return o.err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// More events than one look reads, made before delivery starts (a backlog
// at start) and then while it runs, are each delivered once, in the order
// they were made.
func TestWebhooksDeliverABacklogOnceInOrder(t *testing.T) {
	e, _ := New(Options{Now: clock})
	r := newReceiver(t)
	r.endpoint(e, "customer.created")
	makeCustomers(t, e, maxScanEvents+300)
	deliverInBackground(t, e, DeliverOptions{})
	makeCustomers(t, e, maxScanEvents+300)

	want := eventIDs(t, e, "customer.created")
	if len(want) != 2*(maxScanEvents+300) {
		t.Fatalf("%d events made", len(want))
	}
	for range want {
		r.wait()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.Equal(r.got, want) {
		t.Errorf("delivered %d events, want %d, each once and in the order made", len(r.got), len(want))
	}
}
