package emulator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/tokenscope/tokenscope/internal/webhook"
)

// listenersColl names the listeners (tokenscope listen's --forward-to
// URLs) that have forwarded events, so Deliveries finds their delivery
// records beside the endpoints'.
const listenersColl = "webhook_listeners"

// ListenerPrefix begins the endpoint id of a tokenscope listen in the
// delivery records: listen_ and a hash of its --forward-to URL, the same
// on every run, so one receiver's history reads as one endpoint's.
const ListenerPrefix = "listen_"

// maxListeners bounds the listeners Deliveries looks at (the newest).
const maxListeners = 64

// ListenerID is the endpoint id of a listen forwarding to url.
func ListenerID(url string) string {
	sum := sha256.Sum256([]byte(url))
	return ListenerPrefix + hex.EncodeToString(sum[:6])
}

type listenerRec struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

// Forward is one attempt of a listen's delivery of an event, or its end.
type Forward struct {
	Event, Type, URL string
	Attempt          webhook.Attempt
	// MaxAttempts is how many attempts the delivery gets: the one that
	// fails last makes it Failed.
	MaxAttempts int
	// GaveUp: no attempt, the delivery ends here (listen stopped between
	// retries); one not delivered is Failed, as nobody will retry it.
	GaveUp bool
}

// LogForward adds a listen's attempt to the event's delivery record, as
// Deliver logs an endpoint's: what it sent does not wait for this.
func (e *Emulator) LogForward(ctx context.Context, f Forward) error {
	return logForward(ctx, e.store, f)
}

// Deliveries is the delivery log of the events named, to the webhook
// endpoints and to the listeners, oldest attempt first, for tokenscope to
// show beside its events.
func (e *Emulator) Deliveries(ctx context.Context, events ...string) ([]Delivery, error) {
	return deliveries(ctx, e.store, events)
}

// ForwardLog keeps listen's delivery records where there is no emulator
// (listen against Stripe or another server): a log store of its own, in
// the same records, bounded to the newest maxForwardRecords.
type ForwardLog struct{ store Store }

const maxForwardRecords = 10000

// OpenForwardLog opens (a first write makes) the forward log in dir.
func OpenForwardLog(dir string) (*ForwardLog, error) {
	s, err := OpenLogStore(dir, LogOptions{MaxObjects: maxForwardRecords})
	if err != nil {
		return nil, err
	}
	return &ForwardLog{store: s}, nil
}

// LogForward is Emulator.LogForward, in the forward log.
func (l *ForwardLog) LogForward(ctx context.Context, f Forward) error {
	return logForward(ctx, l.store, f)
}

// Deliveries is Emulator.Deliveries, from the forward log.
func (l *ForwardLog) Deliveries(ctx context.Context, events ...string) ([]Delivery, error) {
	return deliveries(ctx, l.store, events)
}

// Close closes the forward log's store.
func (l *ForwardLog) Close() error { return l.store.Close() }

func logForward(ctx context.Context, s Store, f Forward) error {
	listener := ListenerID(f.URL)
	id := f.Event + ":" + listener
	return s.Update(ctx, func(tx Tx) error {
		o := &objects{r: tx, tx: tx}
		if !o.has(listenersColl, listener) {
			o.put(listenersColl, listener, &listenerRec{ID: listener, URL: f.URL})
		}
		rec, ok := get[deliveryRec](o, deliveriesColl, id)
		switch {
		case f.GaveUp && (!ok || rec.State != Delivering):
			return o.err
		case f.GaveUp:
			rec.State = Failed
		case !ok:
			rec = &deliveryRec{ID: id, Event: f.Event, Type: f.Type, Endpoint: listener, URL: f.URL}
			fallthrough
		default:
			rec.add(f.Attempt, f.MaxAttempts)
		}
		o.put(deliveriesColl, id, rec)
		return o.err
	})
}

// add logs an attempt: the last one decides the delivery's state.
func (rec *deliveryRec) add(a webhook.Attempt, maxAttempts int) {
	rec.Attempts = append(rec.Attempts, a)
	switch {
	case a.OK():
		rec.State = Delivered
	case len(rec.Attempts) >= maxAttempts:
		rec.State = Failed
	default:
		rec.State = Delivering
	}
}

func deliveries(ctx context.Context, s Store, events []string) ([]Delivery, error) {
	var out []Delivery
	err := s.View(ctx, func(r Reader) error {
		o := &objects{r: r}
		var eps []string
		scan(o, endpointsColl, "", true, func(we *endpointRec) bool {
			eps = append(eps, we.ID)
			return true
		})
		scan(o, listenersColl, "", false, func(l *listenerRec) bool {
			eps = append(eps, l.ID)
			return len(eps) < maxEndpoints+maxListeners
		})
		for _, ev := range events {
			for _, we := range eps {
				if rec, ok := get[deliveryRec](o, deliveriesColl, ev+":"+we); ok {
					out = append(out, Delivery{Event: rec.Event, Type: rec.Type, Endpoint: rec.Endpoint, URL: rec.URL, State: rec.State, Attempts: rec.Attempts})
				}
			}
		}
		return o.err
	})
	return out, err
}
