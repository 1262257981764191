package emulator

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/internal/webhook"
)

const deliveriesColl = "webhook_deliveries"

// recheck is how often an endpoint's worker looks again at a delivery
// another process holds: that process's writes wake it sooner, but its
// end (a kill) writes nothing.
const recheck = time.Second

// Delivery states.
const (
	Delivering = "delivering"
	Delivered  = "delivered"
	Failed     = "failed"
)

// deliveryRec is the log of one event's delivery to one endpoint, kept in
// the store: any tokenscope on the state dir can read it, and the Deliver
// that claimed it is the one that sends it (Owner) while it runs
// (deliver_owner.go), or until Lease where that cannot be known.
type deliveryRec struct {
	ID       string            `json:"id"` // <event>:<endpoint>
	Event    string            `json:"event"`
	Type     string            `json:"type"`
	Endpoint string            `json:"endpoint"`
	URL      string            `json:"url"`
	State    string            `json:"state"`
	Owner    string            `json:"owner"`
	Lease    int64             `json:"lease"` // unix seconds
	Attempts []webhook.Attempt `json:"attempts"`
}

// Delivery is one event's delivery to one endpoint, as its log tells it.
type Delivery struct {
	Event, Type, Endpoint, URL string
	State                      string // Delivering, Delivered or Failed
	Attempts                   []webhook.Attempt
}

// DeliverOptions tune Deliver; the zero value is Stripe-like.
type DeliverOptions struct {
	// Sender posts; its Client bounds each attempt. Its clock (the
	// wall clock by default, not the emulator's) signs: receivers check
	// the signature's time against theirs.
	Sender webhook.Sender
	// Timeout is the Sender's client timeout when it has none
	// (webhook.DefaultTimeout when 0).
	Timeout time.Duration
	Retry   webhook.Retry
	// Wake tells of events other processes made (the state dir's files
	// changed); this emulator's own are seen without it.
	Wake <-chan struct{}
	// Logf hears of store errors; nil drops them.
	Logf func(format string, args ...any)
}

// Deliver sends the events the emulator makes to its webhook endpoints
// until ctx ends: each event to each endpoint that enables it, signed,
// in order per endpoint, retried with backoff, and logged in the store.
// Several processes on one state dir may run it: each delivery is claimed
// in the store, so it is sent once.
//
// Each endpoint has a worker that walks the events in the order the store
// keeps them, from the endpoint's cursor (deliver_cursor.go), one delivery
// at a time: what it has not reached waits in the store, not in memory,
// so a burst of events, a slow receiver or a restart skips none.
func (e *Emulator) Deliver(ctx context.Context, opts DeliverOptions) error {
	if opts.Sender.Client == nil {
		opts.Sender.Client = webhook.NewClient(orDefault(opts.Timeout, webhook.DefaultTimeout))
	}
	if opts.Logf == nil {
		opts.Logf = func(string, ...any) {}
	}
	d := &dispatcher{e: e, opts: opts, owner: newID("dlv_", shortID), workers: map[string]bool{}}
	d.lease = opts.Retry.Schedule(opts.Sender.Client.Timeout) + time.Minute
	release, err := e.holdOwner(d.owner)
	if err != nil {
		return err
	}
	made := e.EventsMade(ctx)
	for {
		d.startWorkers(ctx)
		d.wake.tell()
		select {
		case <-ctx.Done():
			d.wg.Wait()
			release()
			return nil
		case <-made:
		case <-opts.Wake:
		}
	}
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

type dispatcher struct {
	e       *Emulator
	opts    DeliverOptions
	owner   string
	lease   time.Duration
	wake    notifier        // tells the workers that the store changed
	workers map[string]bool // endpoints with a worker, by id
	wg      sync.WaitGroup
}

// startWorkers starts a worker for each endpoint that has none.
func (d *dispatcher) startWorkers(ctx context.Context) {
	var ids []string
	err := d.e.store.View(ctx, func(r Reader) error {
		o := &objects{r: r}
		scan(o, endpointsColl, "", true, func(we *endpointRec) bool {
			if !we.Deleted && !d.workers[we.ID] {
				ids = append(ids, we.ID)
			}
			return true
		})
		return o.err
	})
	if err != nil {
		d.opts.Logf("webhooks: read endpoints: %v", err)
		return
	}
	for _, id := range ids {
		d.workers[id] = true
		wake := d.wake.subscribe(ctx)
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			d.work(ctx, id, wake)
		}()
	}
}

// work delivers the endpoint's events, one at a time and in order, until
// ctx ends or the endpoint is deleted.
func (d *dispatcher) work(ctx context.Context, endpoint string, wake <-chan struct{}) {
	for ctx.Err() == nil {
		step, err := d.next(ctx, endpoint)
		if err != nil {
			d.opts.Logf("webhooks: %s: %v", endpoint, err)
			step = stepBusy
		}
		switch step {
		case stepGone:
			return
		case stepMore:
			continue
		case stepIdle:
			select {
			case <-ctx.Done():
			case <-wake:
			}
		case stepBusy:
			t := time.NewTimer(recheck)
			select {
			case <-ctx.Done():
			case <-wake:
			case <-t.C:
			}
			t.Stop()
		}
	}
}

// send sends a claimed delivery with retries, and logs each attempt.
func (d *dispatcher) send(ctx context.Context, we *endpointRec, ev *eventJSON) {
	ev.APIVersion = we.eventVersion()
	body, err := json.Marshal(ev)
	if err != nil {
		return
	}
	id := ev.ID + ":" + we.ID
	send := func() webhook.Attempt { return d.opts.Sender.Send(ctx, we.URL, we.Secret, body) }
	d.opts.Retry.Do(ctx, send, func(a webhook.Attempt) { d.logAttempt(id, ev.ID, a) })
}

// logAttempt adds an attempt to the delivery's log; the last one decides
// its state, and a delivered event has one webhook fewer pending.
func (d *dispatcher) logAttempt(id, event string, a webhook.Attempt) {
	// The log is written even as ctx ends: the attempt was made.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := d.e.store.Update(ctx, func(tx Tx) error {
		o := &objects{r: tx, tx: tx}
		rec, ok := get[deliveryRec](o, deliveriesColl, id)
		if !ok {
			return o.err
		}
		rec.add(a, d.opts.Retry.Max())
		if a.OK() {
			if ev, ok := get[eventJSON](o, eventsColl, event); ok && ev.PendingWebhooks > 0 {
				ev.PendingWebhooks--
				o.put(eventsColl, ev.ID, ev)
			}
		}
		o.put(deliveriesColl, id, rec)
		return o.err
	})
	if err != nil {
		d.opts.Logf("webhooks: log %s: %v", id, err)
	}
}
