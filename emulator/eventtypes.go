package emulator

import (
	"bytes"
	"encoding/json"
	"slices"
)

// The event table: which writes of which collection make which events.
// Events are derived here, from object writes (objects.put), and nowhere
// else: a handler writes its objects and the events follow, so no handler
// can forget one or send one twice. A rule reads the object as the API
// shows it (its GET route's rendering) before and after the write, so it
// names Stripe's fields, not the emulator's records. A collection with no
// rule (tokens: Stripe has no token events) makes no events and costs
// nothing; rules for a collection whose GET route does not exist yet make
// no events either.

// shown is an object's top-level fields as the API renders them; nil is an
// object that did not exist.
type shown map[string]json.RawMessage

// str is a string field's value, "" for null or missing.
func (s shown) str(name string) string {
	var v string
	_ = json.Unmarshal(s[name], &v)
	return v
}

// set reports whether a field is present and not null.
func (s shown) set(name string) bool {
	raw, ok := s[name]
	return ok && !bytes.Equal(raw, []byte("null"))
}

// eventRule is one row of the table.
type eventRule struct {
	typ string
	// when decides from the object before (nil: created) and after.
	when func(old, now shown) bool
	// items: the events are of the objects a list under the written
	// object holds (a customer's sources, its GET route "customers/{}/
	// sources"), one for each item the write added, removed or changed.
	items  string
	change itemChange
	// update events carry previous_attributes, and are not made when
	// nothing the API shows changed.
	update bool
	// gone: the write deleted the object, which the event shows as it
	// was (Stripe's *.deleted events), not as its GET now answers.
	gone bool
	// only tells writes apart by their cause (origin.cause) where the
	// object alone cannot: the rule is only for writes of that cause.
	only string
}

// forCause reports whether the rule is for a write made for cause.
func (r eventRule) forCause(cause string) bool {
	return r.only == "" || r.only == cause
}

// itemChange is what an items rule's events are of.
type itemChange int

const (
	itemAdded itemChange = iota + 1
	itemRemoved
	itemChanged // with previous_attributes
)

func isNew(old, _ shown) bool    { return old == nil }
func isUpdate(old, _ shown) bool { return old != nil }

// became: field now holds one of values, and did not before.
func became(field string, values ...string) func(old, now shown) bool {
	return func(old, now shown) bool {
		v := now.str(field)
		return slices.Contains(values, v) && (old == nil || old.str(field) != v)
	}
}

// changedTo: field is set now and differs from before (a charge's
// amount_refunded grew, a payment's last error appeared).
func changedTo(field string, onCreate bool) func(old, now shown) bool {
	return func(old, now shown) bool {
		if old == nil {
			return onCreate && now.set(field)
		}
		return now.set(field) && !bytes.Equal(old[field], now[field])
	}
}

// changedOf: an update that changed one of fields (what POST
// /v1/charges/{id} changes, not a capture or refund, which have events
// of their own).
func changedOf(fields ...string) func(old, now shown) bool {
	return func(old, now shown) bool {
		return old != nil && slices.ContainsFunc(fields, func(f string) bool { return !bytes.Equal(old[f], now[f]) })
	}
}

// grew: a number field is larger now than before (a charge's
// amount_refunded after a refund, not after a refund failed).
func grew(field string) func(old, now shown) bool {
	return func(old, now shown) bool {
		var before, after int64
		_ = json.Unmarshal(old[field], &before)
		_ = json.Unmarshal(now[field], &after)
		return after > before
	}
}

// turnedOn: a boolean field is true now and was not before.
func turnedOn(field string) func(old, now shown) bool {
	return func(old, now shown) bool {
		on := func(s shown) bool { return bytes.Equal(s[field], []byte("true")) }
		return on(now) && !on(old)
	}
}

func both(a, b func(old, now shown) bool) func(old, now shown) bool {
	return func(old, now shown) bool { return a(old, now) && b(old, now) }
}

func not(a func(old, now shown) bool) func(old, now shown) bool {
	return func(old, now shown) bool { return !a(old, now) }
}

var disputeClosed = became("status", "won", "lost", "warning_closed")

// gainedTx: the object's balance_transactions hold one of reporting
// category now, and did not before (a dispute took or gave back money).
func gainedTx(category string) func(old, now shown) bool {
	has := func(s shown) bool {
		var txs []struct {
			ReportingCategory string `json:"reporting_category"`
		}
		_ = json.Unmarshal(s["balance_transactions"], &txs)
		for _, t := range txs {
			if t.ReportingCategory == category {
				return true
			}
		}
		return false
	}
	return func(old, now shown) bool { return has(now) && !has(old) }
}

// eventRules maps a collection to its rules, in the order their events are
// made for one write.
var eventRules = map[string][]eventRule{
	customersColl: {
		{typ: "customer.created", when: isNew},
		{typ: "customer.updated", when: both(isUpdate, not(turnedOn("deleted"))), update: true},
		{typ: "customer.deleted", when: turnedOn("deleted"), gone: true},
		{typ: "customer.source.created", items: "customers/{}/sources", change: itemAdded},
		{typ: "customer.source.updated", items: "customers/{}/sources", change: itemChanged},
		{typ: "customer.source.deleted", items: "customers/{}/sources", change: itemRemoved},
	},
	chargesColl: {
		{typ: "charge.pending", when: became("status", "pending")},
		{typ: "charge.succeeded", when: became("status", "succeeded")},
		{typ: "charge.failed", when: became("status", "failed")},
		{typ: "charge.captured", when: both(isUpdate, turnedOn("captured")), update: true},
		{typ: "charge.refunded", when: both(isUpdate, grew("amount_refunded")), update: true},
		// An authorization that expired: nothing the API shows of the
		// charge changes (no refund since basil), so its cause tells it.
		{typ: "charge.expired", when: isUpdate, only: causeExpiry},
		// A capture that takes a new receipt_email is charge.captured alone.
		{typ: "charge.updated", when: both(changedOf("description", "metadata", "receipt_email"), not(turnedOn("captured"))), update: true},
	},
	"payment_intents": {
		{typ: "payment_intent.created", when: isNew},
		{typ: "payment_intent.requires_action", when: became("status", "requires_action"), update: true},
		{typ: "payment_intent.processing", when: became("status", "processing"), update: true},
		{typ: "payment_intent.amount_capturable_updated", when: became("status", "requires_capture"), update: true},
		{typ: "payment_intent.succeeded", when: became("status", "succeeded"), update: true},
		{typ: "payment_intent.payment_failed", when: changedTo("last_payment_error", true), update: true},
		{typ: "payment_intent.canceled", when: became("status", "canceled"), update: true},
	},
	setupIntentsColl: {
		{typ: "setup_intent.created", when: isNew},
		{typ: "setup_intent.requires_action", when: became("status", "requires_action"), update: true},
		{typ: "setup_intent.succeeded", when: became("status", "succeeded"), update: true},
		{typ: "setup_intent.setup_failed", when: changedTo("last_setup_error", true), update: true},
		{typ: "setup_intent.canceled", when: became("status", "canceled"), update: true},
	},
	"payment_methods": {
		{typ: "payment_method.attached", when: changedTo("customer", false), update: true},
		{typ: "payment_method.detached", when: func(old, now shown) bool { return old.set("customer") && !now.set("customer") }, update: true},
		{typ: "payment_method.updated", when: changedOf("billing_details", "card", "metadata"), update: true},
	},
	"refunds": {
		{typ: "refund.created", when: isNew},
		{typ: "refund.failed", when: became("status", "failed"), update: true},
		{typ: "refund.updated", when: both(isUpdate, not(became("status", "failed"))), update: true},
		{typ: "charge.refund.updated", when: isUpdate, update: true},
	},
	"disputes": {
		{typ: "charge.dispute.created", when: isNew},
		{typ: "charge.dispute.funds_withdrawn", when: gainedTx(categoryDispute)},
		{typ: "charge.dispute.updated", when: both(isUpdate, not(disputeClosed)), update: true},
		{typ: "charge.dispute.closed", when: disputeClosed, update: true},
		{typ: "charge.dispute.funds_reinstated", when: gainedTx(categoryDisputeReversal), update: true},
	},
	"accounts": {
		{typ: "account.updated", when: isUpdate, update: true},
	},
	personsColl: {
		{typ: "person.created", when: isNew},
		{typ: "person.updated", when: isUpdate, update: true},
	},
}

// EventTypes are the types the emulator makes, sorted (a webhook
// endpoint may enable any of Stripe's: stripeeventtypes.go).
var EventTypes = func() []string {
	var out []string
	for _, rules := range eventRules {
		for _, r := range rules {
			out = append(out, r.typ)
		}
	}
	slices.Sort(out)
	return out
}()
