package views

import (
	"reflect"
	"testing"
)

// y in the events view offers the event, its object, what that object
// names (by kind) and the request, each once and in that order; an
// event Stripe made on its own has no request to offer.
func TestEventIDs(t *testing.T) {
	ev := event(t, `{"id":"evt_1","object":"event","type":"charge.succeeded","created":1795660867,
"request":{"id":"req_abc"},"data":{"object":{"id":"ch_1","object":"charge","customer":"cus_1",
"payment_method":"card_1","source":{"id":"card_1","object":"card"},"weird":"x"}}}`)
	want := []Field{{Label: "event", Value: "evt_1"}, {Label: "charge", Value: "ch_1"},
		{Label: "customer", Value: "cus_1"}, {Label: "card", Value: "card_1"}, {Label: "request that caused it", Value: "req_abc"}}
	if got := EventIDs(ev); !reflect.DeepEqual(got, want) {
		t.Errorf("ids\n got %v\nwant %v", got, want)
	}
	ev = event(t, `{"id":"evt_2","object":"event","type":"thing.updated","created":1795660867,"request":{"id":null},
"data":{"object":{"id":"thing_1","object":"thing"}}}`)
	want = []Field{{Label: "event", Value: "evt_2"}, {Label: "object", Value: "thing_1"}}
	if got := EventIDs(ev); !reflect.DeepEqual(got, want) {
		t.Errorf("an event of no request, of an unknown kind:\n got %v\nwant %v", got, want)
	}
}
