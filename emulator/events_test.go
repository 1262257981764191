package emulator

import (
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// listed is GET path's list of events, decoded.
func listed(t testing.TB, e *Emulator, path string) []eventJSON {
	t.Helper()
	rec := do(t, e, "GET", path, testKey, "", nil)
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
	}
	var out struct {
		Data    []eventJSON
		HasMore bool `json:"has_more"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	return out.Data
}

func types(evs []eventJSON) []string {
	var out []string
	for _, ev := range evs {
		out = append(out, ev.Type)
	}
	return out
}

// firstEvent is the id of the newest event.
func firstEvent(t testing.TB, e *Emulator) string {
	t.Helper()
	evs := listed(t, e, "/v1/events?limit=1")
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	return evs[0].ID
}

func post(t testing.TB, e *Emulator, path, body string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	rec := do(t, e, "POST", path, testKey, body, header)
	if rec.Code != 200 && rec.Code != 402 {
		t.Fatalf("POST %s %s: %d %s", path, body, rec.Code, rec.Body)
	}
	return rec
}

func TestEventsFollowWrites(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := post(t, e, "/v1/customers", "source=tok_visa", map[string]string{"Idempotency-Key": "cus-1"})
	ch := post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa", nil)
	failed := post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_chargeDeclined", nil)
	if failed.Code != 402 {
		t.Fatalf("declined charge: %d", failed.Code)
	}
	post(t, e, "/v1/tokens", "pii[id_number]=000000000", nil) // tokens make no events

	evs := listed(t, e, "/v1/events")
	want := []string{"charge.failed", "charge.succeeded", "customer.source.created", "customer.created"}
	if got := types(evs); !slices.Equal(got, want) {
		t.Fatalf("events newest first: %v, want %v", got, want)
	}
	var cusObj, chObj map[string]any
	json.Unmarshal(cus.Body.Bytes(), &cusObj)
	json.Unmarshal(ch.Body.Bytes(), &chObj)
	byType := map[string]eventJSON{}
	for _, ev := range evs {
		byType[ev.Type] = ev
		if ev.Object != "event" || ev.Livemode || ev.APIVersion != DefaultVersion || ev.Created != fixedNow.Unix() {
			t.Errorf("%s: %+v", ev.Type, ev)
		}
	}
	created := byType["customer.created"]
	if *created.Request.ID != cus.Header().Get("Request-Id") || created.Request.IdempotencyKey == nil || *created.Request.IdempotencyKey != "cus-1" {
		t.Errorf("customer.created names request %v key %v, want %s cus-1", created.Request.ID, created.Request.IdempotencyKey, cus.Header().Get("Request-Id"))
	}
	var obj map[string]any
	json.Unmarshal(created.Data.Object, &obj)
	if obj["id"] != cusObj["id"] || obj["object"] != "customer" {
		t.Errorf("customer.created's object: %s", created.Data.Object)
	}
	json.Unmarshal(byType["customer.source.created"].Data.Object, &obj)
	if obj["id"] != cusObj["default_source"] || obj["object"] != "card" {
		t.Errorf("customer.source.created's object: %s", byType["customer.source.created"].Data.Object)
	}
	json.Unmarshal(byType["charge.succeeded"].Data.Object, &obj)
	if obj["id"] != chObj["id"] || obj["status"] != "succeeded" {
		t.Errorf("charge.succeeded's object: %s", byType["charge.succeeded"].Data.Object)
	}
	if got := *byType["charge.failed"].Request.ID; got != failed.Header().Get("Request-Id") {
		t.Errorf("charge.failed names request %s, want the declined one %s", got, failed.Header().Get("Request-Id"))
	}
	if byType["charge.succeeded"].Request.IdempotencyKey != nil {
		t.Error("an idempotency key on a request sent without one")
	}

	// A replay of an idempotent request makes no events.
	post(t, e, "/v1/customers", "source=tok_visa", map[string]string{"Idempotency-Key": "cus-1"})
	if n := len(listed(t, e, "/v1/events")); n != 4 {
		t.Errorf("%d events after a replay, want 4", n)
	}
	rec := do(t, e, "GET", "/v1/events/"+created.ID, testKey, "", nil)
	var one eventJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &one); err != nil || one.ID != created.ID || one.Type != "customer.created" {
		t.Errorf("GET /v1/events/%s: %d %s", created.ID, rec.Code, rec.Body)
	}
}

func TestEventFilters(t *testing.T) {
	now := fixedNow
	e, _ := New(Options{Now: func() time.Time { return now }})
	post(t, e, "/v1/customers", "source=tok_visa", nil)
	now = now.Add(time.Minute)
	post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_visa", nil)
	post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_chargeDeclined", nil)

	for _, c := range []struct {
		query string
		want  []string
	}{
		{"type=charge.succeeded", []string{"charge.succeeded"}},
		{"type=charge.*", []string{"charge.failed", "charge.succeeded"}},
		{"type=customer.*", []string{"customer.source.created", "customer.created"}},
		{"types[0]=charge.failed&types[1]=customer.created", []string{"charge.failed", "customer.created"}},
		{"created[gt]=" + strconv.FormatInt(fixedNow.Unix(), 10), []string{"charge.failed", "charge.succeeded"}},
		{"created[lte]=" + strconv.FormatInt(fixedNow.Unix(), 10), []string{"customer.source.created", "customer.created"}},
		{"limit=1", []string{"charge.failed"}},
	} {
		if got := types(listed(t, e, "/v1/events?"+c.query)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.query, got, c.want)
		}
	}
	all := listed(t, e, "/v1/events")
	if got := types(listed(t, e, "/v1/events?starting_after="+all[1].ID)); !slices.Equal(got, types(all[2:])) {
		t.Errorf("starting_after: %v", got)
	}
	if got := types(listed(t, e, "/v1/events?ending_before="+all[2].ID)); !slices.Equal(got, types(all[:2])) {
		t.Errorf("ending_before: %v", got)
	}
	if rec := do(t, e, "GET", "/v1/events?type=charge.succeeded&types[0]=charge.failed", testKey, "", nil); rec.Code != 400 {
		t.Errorf("type and types: %d", rec.Code)
	}
	if rec := do(t, e, "GET", "/v1/events/evt_nope", testKey, "", nil); rec.Code != 404 {
		t.Errorf("unknown event: %d", rec.Code)
	}
}

// An update carries the fields that changed, with their old values, and
// no event is made when nothing the API shows changed.
func TestUpdateEventsCarryPreviousAttributes(t *testing.T) {
	e, _ := New(Options{Now: clock})
	write := func(cus *customerRec) {
		err := e.store.Update(ctx, func(tx Tx) error {
			o := &objects{r: tx, tx: tx, origin: &origin{requestID: "req_test", now: fixedNow}}
			o.putCustomer(cus)
			return o.err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	cus := &customerRec{ID: "cus_test", Created: fixedNow.Unix(), Email: "old@example.com"}
	write(cus)
	cus.Email = "new@example.com"
	write(cus)
	write(cus) // the same again: no event

	evs := listed(t, e, "/v1/events")
	if got := types(evs); !slices.Equal(got, []string{"customer.updated", "customer.created"}) {
		t.Fatalf("events: %v", got)
	}
	prev := evs[0].Data.PreviousAttributes
	if len(prev) != 1 || string(prev["email"]) != `"old@example.com"` {
		t.Errorf("previous_attributes: %s", prev)
	}
	if evs[1].Data.PreviousAttributes != nil {
		t.Errorf("a created event with previous_attributes: %v", evs[1].Data.PreviousAttributes)
	}
}

// An object written for the first time in a status an update rule
// names (a PaymentIntent put straight into requires_action) has that
// event with no previous_attributes: it had none before (they would all
// read null).
func TestStatusEventOfANewObjectHasNoPreviousAttributes(t *testing.T) {
	e, _ := New(Options{Now: clock})
	err := e.store.Update(ctx, func(tx Tx) error {
		o := &objects{r: tx, tx: tx, origin: &origin{requestID: "req_test", now: fixedNow}}
		o.putPaymentIntent(&paymentIntentRec{ID: "pi_test", Created: fixedNow.Unix(), Amount: 2000, Currency: "usd",
			Status: "requires_action", CaptureMethod: "automatic", ConfirmationMethod: "automatic"})
		return o.err
	})
	if err != nil {
		t.Fatal(err)
	}
	evs := listed(t, e, "/v1/events?type=payment_intent.requires_action")
	if len(evs) != 1 {
		t.Fatalf("events: %v", types(evs))
	}
	if prev := evs[0].Data.PreviousAttributes; prev != nil {
		t.Errorf("previous_attributes of a new PaymentIntent: %s", prev)
	}
}

// A PaymentIntent created and confirmed in one request exists before its
// charge, as at Stripe: payment_intent.created, then charge.succeeded,
// then payment_intent.succeeded, which says what the confirm changed.
func TestPaymentIntentCreatedBeforeItsCharge(t *testing.T) {
	e, _ := New(Options{Now: clock})
	post(t, e, "/v1/payment_intents", "amount=2000&currency=usd&payment_method_types[]=card&confirm=true&payment_method=pm_card_visa", nil)
	got := types(listed(t, e, "/v1/events"))
	slices.Reverse(got) // oldest first
	if want := []string{"payment_intent.created", "charge.succeeded", "payment_intent.succeeded"}; !slices.Equal(got, want) {
		t.Errorf("events, oldest first: %v, want %v", got, want)
	}
	evs := listed(t, e, "/v1/events?type=payment_intent.succeeded")
	if len(evs) != 1 || string(evs[0].Data.PreviousAttributes["status"]) == "" {
		t.Errorf("payment_intent.succeeded says nothing of the status before: %+v", evs)
	}
}

// Every type in the table is one a webhook endpoint may enable, and each
// collection's rules name Stripe's event types for that object.
func TestEventTypesAreKnown(t *testing.T) {
	for _, typ := range []string{"charge.succeeded", "payment_intent.requires_action", "charge.dispute.created", "refund.created", "account.updated", "payment_method.attached"} {
		if !slices.Contains(EventTypes, typ) || !stripeEventType(typ) {
			t.Errorf("%s is not known", typ)
		}
	}
	if stripeEventType("token.created") {
		t.Error("Stripe has no token events")
	}
}

// The rows for the objects other endpoints add (payment intents, payment
// methods, disputes...) read the object as its GET route renders it; here
// a stand-in route renders what is stored (in place of the real one for
// the test), so the transitions are checked on bare records.
func TestEventRowsForOtherObjects(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, coll := range []string{"payment_intents", "payment_methods", "disputes", "refunds", "accounts"} {
		route := coll + "/{}"
		real := getRoutes[route]
		getRoutes[route] = &endpoint{handle: func(c *call) (any, *model.Error) {
			raw, ok, _ := c.objs.r.Get(coll, c.id())
			if !ok {
				return nil, noSuch(404, coll, c.id(), "id")
			}
			return json.RawMessage(raw), nil
		}}
		t.Cleanup(func() {
			if real != nil {
				getRoutes[route] = real
			} else {
				delete(getRoutes, route)
			}
		})
	}
	write := func(coll string, obj map[string]any) {
		t.Helper()
		err := e.store.Update(ctx, func(tx Tx) error {
			o := &objects{r: tx, tx: tx, key: e.key, origin: &origin{requestID: "req_x", now: fixedNow}}
			o.put(coll, obj["id"].(string), obj)
			return o.err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	pi := map[string]any{"id": "pi_1", "object": "payment_intent", "status": "requires_payment_method", "last_payment_error": nil}
	write("payment_intents", pi)
	pi["status"] = "requires_action"
	write("payment_intents", pi)
	pi["status"], pi["last_payment_error"] = "requires_payment_method", map[string]any{"code": "card_declined"}
	write("payment_intents", pi)
	pi["status"], pi["last_payment_error"] = "requires_capture", nil
	write("payment_intents", pi)
	pi["status"] = "succeeded"
	write("payment_intents", pi)
	pm := map[string]any{"id": "pm_1", "object": "payment_method", "customer": nil}
	write("payment_methods", pm)
	pm["customer"] = "cus_1"
	write("payment_methods", pm)
	pm["customer"] = nil
	write("payment_methods", pm)
	withdrawal := map[string]any{"id": "txn_1", "reporting_category": "dispute"}
	du := map[string]any{"id": "du_1", "object": "dispute", "status": "needs_response", "balance_transactions": []any{withdrawal}}
	write("disputes", du)
	du["status"] = "under_review"
	write("disputes", du)
	du["status"] = "won"
	du["balance_transactions"] = []any{withdrawal, map[string]any{"id": "txn_2", "reporting_category": "dispute_reversal"}}
	write("disputes", du)
	write("refunds", map[string]any{"id": "re_1", "object": "refund", "status": "succeeded"})
	acct := map[string]any{"id": "acct_1", "object": "account", "charges_enabled": false}
	write("accounts", acct)
	acct["charges_enabled"] = true
	write("accounts", acct)

	got := types(listed(t, e, "/v1/events?limit=100"))
	slices.Reverse(got)
	want := []string{
		"payment_intent.created",
		"payment_intent.requires_action",
		"payment_intent.payment_failed",
		"payment_intent.amount_capturable_updated",
		"payment_intent.succeeded",
		"payment_method.attached",
		"payment_method.detached",
		"charge.dispute.created", "charge.dispute.funds_withdrawn",
		"charge.dispute.updated",
		"charge.dispute.closed", "charge.dispute.funds_reinstated",
		"refund.created",
		"account.updated",
	}
	if !slices.Equal(got, want) {
		t.Errorf("events:\n got %v\nwant %v", got, want)
	}
}
