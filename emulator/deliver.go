package emulator

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/internal/webhook"
)

const deliveriesColl = "webhook_deliveries"

// Bounds on what Deliver takes on: how far back it looks for events not
// yet delivered when it starts, how many events one look reads, and how
// many deliveries may wait for one endpoint.
const (
	catchUp       = time.Hour
	maxScanEvents = 1000
	maxQueue      = 10000
)

// Delivery states.
const (
	Delivering = "delivering"
	Delivered  = "delivered"
	Failed     = "failed"
)

// deliveryRec is the log of one event's delivery to one endpoint, kept in
// the store: any tokenscope on the state dir can read it, and the process
// that claimed it is the one that sends it (Owner, until Lease).
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
func (e *Emulator) Deliver(ctx context.Context, opts DeliverOptions) error {
	if opts.Sender.Client == nil {
		opts.Sender.Client = webhook.NewClient(orDefault(opts.Timeout, webhook.DefaultTimeout))
	}
	if opts.Logf == nil {
		opts.Logf = func(string, ...any) {}
	}
	d := &dispatcher{e: e, opts: opts, owner: newID("dlv_", shortID), queues: map[string]*queue{}}
	d.lease = opts.Retry.Schedule(opts.Sender.Client.Timeout) + time.Minute
	made := e.EventsMade(ctx)
	for {
		d.poll(ctx)
		select {
		case <-ctx.Done():
			d.wg.Wait()
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
	e      *Emulator
	opts   DeliverOptions
	owner  string
	lease  time.Duration
	cursor string // the newest event looked at
	queues map[string]*queue
	wg     sync.WaitGroup
}

// job is one event to deliver to one endpoint.
type job struct {
	event    *eventJSON
	endpoint string
}

// poll reads the events made since the last poll and queues them to the
// endpoints that want them.
func (d *dispatcher) poll(ctx context.Context) {
	var fresh []*eventJSON
	var endpoints []*endpointRec
	since := d.e.now().Add(-catchUp).Unix()
	err := d.e.store.View(ctx, func(r Reader) error {
		o := &objects{r: r}
		scan(o, eventsColl, "", false, func(ev *eventJSON) bool {
			if ev.ID == d.cursor || len(fresh) == maxScanEvents || ev.Created < since {
				return false
			}
			fresh = append(fresh, ev)
			return true
		})
		scan(o, endpointsColl, "", true, func(we *endpointRec) bool {
			endpoints = append(endpoints, we)
			return true
		})
		return o.err
	})
	if err != nil {
		d.opts.Logf("webhooks: read events: %v", err)
		return
	}
	if len(fresh) == 0 {
		return
	}
	d.cursor = fresh[0].ID
	slices.Reverse(fresh)
	for _, ev := range fresh {
		for _, we := range endpoints {
			if we.wants(ev.Type, ev.Created) {
				d.queue(ctx, we.ID).push(job{ev, we.ID})
			}
		}
	}
}

// queue is the endpoint's queue, and its worker, started on first use.
func (d *dispatcher) queue(ctx context.Context, endpoint string) *queue {
	q := d.queues[endpoint]
	if q == nil {
		q = &queue{wake: make(chan struct{}, 1)}
		d.queues[endpoint] = q
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			q.work(ctx, d.deliver)
		}()
	}
	return q
}

// queue holds an endpoint's deliveries in order; one worker sends them,
// one at a time.
type queue struct {
	mu   sync.Mutex
	jobs []job
	wake chan struct{}
}

func (q *queue) push(j job) {
	q.mu.Lock()
	if len(q.jobs) < maxQueue {
		q.jobs = append(q.jobs, j)
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *queue) work(ctx context.Context, deliver func(context.Context, job)) {
	for {
		q.mu.Lock()
		var j job
		ok := len(q.jobs) > 0
		if ok {
			j, q.jobs = q.jobs[0], q.jobs[1:]
		}
		q.mu.Unlock()
		if ok {
			deliver(ctx, j)
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-q.wake:
		}
	}
}

// deliver claims the delivery, sends it with retries, and logs each
// attempt.
func (d *dispatcher) deliver(ctx context.Context, j job) {
	id := j.event.ID + ":" + j.endpoint
	var we *endpointRec
	err := d.e.store.Update(ctx, func(tx Tx) error {
		we = nil
		o := &objects{r: tx, tx: tx}
		ep, ok := get[endpointRec](o, endpointsColl, j.endpoint)
		if !ok || !ep.wants(j.event.Type, j.event.Created) {
			return o.err
		}
		rec, seen := get[deliveryRec](o, deliveriesColl, id)
		now := d.e.now().Unix()
		if seen && (rec.State != Delivering || (rec.Owner != d.owner && rec.Lease > now)) {
			return o.err // delivered, given up, or another process has it
		}
		if !seen {
			rec = &deliveryRec{ID: id, Event: j.event.ID, Type: j.event.Type, Endpoint: ep.ID, URL: ep.URL}
		}
		rec.State, rec.Owner, rec.Lease = Delivering, d.owner, now+int64(d.lease/time.Second)
		o.put(deliveriesColl, id, rec)
		we = ep
		return o.err
	})
	if err != nil || we == nil {
		if err != nil {
			d.opts.Logf("webhooks: claim %s: %v", id, err)
		}
		return
	}
	body, err := json.Marshal(j.event)
	if err != nil {
		return
	}
	send := func() webhook.Attempt { return d.opts.Sender.Send(ctx, we.URL, we.Secret, body) }
	d.opts.Retry.Do(ctx, send, func(a webhook.Attempt) { d.logAttempt(id, j.event.ID, a) })
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
