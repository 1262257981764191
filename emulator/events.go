package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

const eventsColl = "events"

// origin is the request an Update's writes are made for: what its events
// name as their cause.
type origin struct {
	requestID, idempotencyKey string
	now                       time.Time
	// cause is why a write with no request of its own was made, for the
	// rules that tell such writes apart (eventRule.only): causeExpiry.
	cause string
}

// eventJSON is an event as Stripe sends it, and as the emulator keeps it:
// it never changes but for pending_webhooks.
type eventJSON struct {
	ID              string       `json:"id"`
	Object          string       `json:"object"`
	APIVersion      string       `json:"api_version"`
	Created         int64        `json:"created"`
	Data            eventData    `json:"data"`
	Livemode        bool         `json:"livemode"`
	PendingWebhooks int          `json:"pending_webhooks"`
	Request         eventRequest `json:"request"`
	Type            string       `json:"type"`
}

type eventData struct {
	Object             json.RawMessage            `json:"object"`
	PreviousAttributes map[string]json.RawMessage `json:"previous_attributes,omitempty"`
}

type eventRequest struct {
	ID             *string `json:"id"`
	IdempotencyKey *string `json:"idempotency_key"`
}

// getRoutes are the GET routes by path, which render an event's object as
// a GET would answer. Built in init, since the handlers that write (and so
// make events) are themselves in endpoints.
var getRoutes map[string]*endpoint

func init() {
	getRoutes = map[string]*endpoint{}
	for i := range endpoints {
		if ep := &endpoints[i]; ep.method == http.MethodGet {
			getRoutes[ep.path] = ep
		}
	}
}

// rendering is an object as the API shows it: its JSON and its top-level
// fields; zero when it does not exist.
type rendering struct {
	raw    json.RawMessage
	fields shown
}

// emit makes the events of one write by the table: collection/id was old
// (nil: it was created) and is now what was just put.
func (o *objects) emit(collection, id string, old json.RawMessage, rules []eventRule) {
	own, ids := o.ownRoute(collection, id)
	ownOld, ownNow := o.renderings(own, ids, collection, id, old)
	if ownNow.raw == nil {
		return // no GET route: the collection makes no events yet
	}
	for _, r := range rules {
		if o.err != nil {
			return
		}
		if r.items != "" {
			o.emitItems(r, collection, id, old)
			continue
		}
		if !r.when(ownOld.fields, ownNow.fields) || !r.forCause(o.origin.cause) {
			continue
		}
		before, now := ownOld, ownNow
		if r.gone {
			now = before
		}
		var prev map[string]json.RawMessage
		if r.update && before.raw != nil {
			if prev = previous(before.fields, now.fields); len(prev) == 0 {
				continue
			}
		}
		// An object made in a status (a PaymentIntent created and
		// confirmed into requires_action) has that status's event, but no
		// attributes before it: every field would read as once null.
		o.putEvent(r.typ, now.raw, prev)
	}
}

// ownRoute is the GET route, and its ids, that render collection/id: its
// own path, or a person's under its account (accounts/{}/persons/{}).
func (o *objects) ownRoute(collection, id string) (string, []string) {
	if collection == personsColl {
		if p, ok := o.person(id); ok {
			return "accounts/{}/persons/{}", []string{p.Account, id}
		}
	}
	return collection + "/{}", []string{id}
}

// renderings renders route before the write (with collection/id read as
// old) and now.
func (o *objects) renderings(route string, ids []string, collection, id string, old json.RawMessage) (before, now rendering) {
	if old != nil {
		before = o.render(route, ids, beforeWrite{o.r, objectKey{collection, id}, old, o.orig})
	}
	return before, o.render(route, ids, o.r)
}

// render is what GET route answers for ids on r's objects.
func (o *objects) render(route string, ids []string, r Reader) rendering {
	ep := getRoutes[route]
	if ep == nil || o.err != nil {
		return rendering{}
	}
	ro := &objects{r: r}
	q := url.Values{}
	if strings.HasPrefix(ep.object, "list:") {
		q.Set("limit", strconv.Itoa(maxLimit)) // an items rule's list, whole
	}
	obj, aerr := ep.handle(&call{objs: ro, ids: ids, params: params{q}, now: o.origin.now, clientIP: "127.0.0.1"})
	if o.fail(ro.err); ro.err != nil || aerr != nil {
		return rendering{}
	}
	raw, err := json.Marshal(obj)
	var f shown
	if err == nil {
		err = json.Unmarshal(raw, &f)
	}
	if err != nil {
		o.fail(err)
		return rendering{}
	}
	return rendering{raw, f}
}

// emitItems makes an items rule's events: one for each object its list
// gained (shown as it is), lost (as it was) or changed, in list order.
// A list that no longer answers (its customer deleted) makes none.
func (o *objects) emitItems(r eventRule, collection, id string, old json.RawMessage) {
	before, now := o.renderings(r.items, []string{id}, collection, id, old)
	if now.raw == nil {
		return
	}
	was, is := listItems(before.raw), listItems(now.raw)
	switch r.change {
	case itemAdded, itemChanged:
		for _, it := range is {
			prior, ok := was.find(it.id)
			switch {
			case r.change == itemAdded && !ok:
				o.putEvent(r.typ, it.raw, nil)
			case r.change == itemChanged && ok:
				if prev := previous(prior.fields, it.fields); len(prev) > 0 {
					o.putEvent(r.typ, it.raw, prev)
				}
			}
		}
	case itemRemoved:
		for _, it := range was {
			if _, ok := is.find(it.id); !ok {
				o.putEvent(r.typ, it.raw, nil)
			}
		}
	}
}

// item is one object of a rendered list.
type item struct {
	id     string
	raw    json.RawMessage
	fields shown
}

type items []item

// listItems are the objects of a rendered list, none for no list.
func listItems(raw json.RawMessage) items {
	var l struct{ Data []json.RawMessage }
	_ = json.Unmarshal(raw, &l)
	var out items
	for _, obj := range l.Data {
		var f shown
		if json.Unmarshal(obj, &f) == nil {
			out = append(out, item{f.str("id"), obj, f})
		}
	}
	return out
}

func (its items) find(id string) (item, bool) {
	for _, it := range its {
		if it.id == id {
			return it, true
		}
	}
	return item{}, false
}

// previous is what changed, with its old values: an update's
// previous_attributes. Within a hash that was and is one (metadata,
// invoice_settings, an address), only its keys that changed, as
// Stripe's events show them: a key added is null, a key removed its old
// value ({"metadata": {"tier": null}}). An object with an id (a source,
// a PaymentMethod) is shown whole as it was.
func previous(old, now shown) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for k, v := range old {
		if bytes.Equal(v, now[k]) {
			continue
		}
		out[k] = v
		var was, is shown
		if isHash(v, &was) && isHash(now[k], &is) {
			if sub, err := json.Marshal(previous(was, is)); err == nil {
				out[k] = sub
			}
		}
	}
	for k := range now {
		if _, ok := old[k]; !ok {
			out[k] = json.RawMessage("null")
		}
	}
	return out
}

// isHash decodes raw into h when it is a JSON object without an id or
// an object type: a hash of the object's own, not another object.
func isHash(raw json.RawMessage, h *shown) bool {
	if !bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) || json.Unmarshal(raw, h) != nil {
		return false
	}
	_, id := (*h)["id"]
	_, obj := (*h)["object"]
	return !id && !obj
}

// beforeWrite reads one object as it was before this write of it, and the
// others the request wrote as they were before the request: an account's
// update that wrote its person first is still an update of what the
// account showed.
type beforeWrite struct {
	Reader
	key  objectKey
	obj  json.RawMessage
	orig map[objectKey]json.RawMessage
}

func (b beforeWrite) Get(collection, id string) (json.RawMessage, bool, error) {
	k := objectKey{collection, id}
	if k == b.key {
		return b.obj, true, nil
	}
	if raw, ok := b.orig[k]; ok {
		return raw, raw != nil, nil
	}
	return b.Reader.Get(collection, id)
}

func (o *objects) putEvent(typ string, obj json.RawMessage, prev map[string]json.RawMessage) {
	ev := &eventJSON{
		ID: newID("evt_", longID), Object: "event", APIVersion: DefaultVersion,
		Created: o.origin.now.Unix(), Data: eventData{Object: obj, PreviousAttributes: prev},
		Request: eventRequest{ID: opt(o.origin.requestID), IdempotencyKey: opt(o.origin.idempotencyKey)},
		Type:    typ,
	}
	scan(o, endpointsColl, "", false, func(we *endpointRec) bool {
		if we.wants(typ, ev.Created) {
			ev.PendingWebhooks++
		}
		return true
	})
	o.put(eventsColl, ev.ID, ev)
	o.events++
}

const maxTypes = 20 // types[] on GET /v1/events

var eventListParams = append([]string{"type", "types[", "delivery_success"}, append(createdParams, pageParams...)...)

// listEvents is GET /v1/events, newest first, filtered by type (a name or
// a pattern with *: charge.*), types[] (names), created and
// delivery_success.
func listEvents(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	typ, types := c.params.get("type"), arrayParam(c.params, "types")
	switch {
	case typ != "" && len(types) > 0:
		return nil, invalid("", "types", "You may only specify one of these parameters: type, types.")
	case len(types) > maxTypes:
		return nil, invalid("", "types", "You may pass at most 20 event types.")
	}
	if _, err := path.Match(typ, ""); err != nil {
		return nil, invalid("", "type", "Invalid event type pattern: "+typ)
	}
	delivered, aerr := deliverySuccess(c)
	if aerr != nil {
		return nil, aerr
	}
	keep := func(ev *eventJSON) bool {
		if !cr.holds(ev.Created) || !delivered(ev) {
			return false
		}
		if typ != "" {
			ok, _ := path.Match(typ, ev.Type)
			return ok
		}
		if len(types) > 0 {
			for _, t := range types {
				if t == ev.Type {
					return true
				}
			}
			return false
		}
		return true
	}
	settleDue(c.objs)
	// Events are kept in the order they were made: a newest-first walk
	// ends at the first one older than the created filter allows, so
	// following the newest events costs what is new, not the whole log.
	lower := cr.lowest()
	return lister{
		url: "/v1/events", what: "event",
		has: func(id string) bool { return c.objs.has(eventsColl, id) },
		walk: func(from string, ascending bool, visit func(any) bool) {
			scan(c.objs, eventsColl, from, ascending, func(ev *eventJSON) bool {
				switch {
				case !ascending && ev.Created < lower:
					return false
				case !keep(ev):
					return true
				}
				return visit(ev)
			})
		},
	}.page(pg)
}

// getEvent is GET /v1/events/{id}.
func getEvent(c *call) (any, *model.Error) {
	ev, ok := get[eventJSON](c.objs, eventsColl, c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "event", c.id(), "id")
	}
	return ev, nil
}
