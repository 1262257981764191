package emulator

import (
	"encoding/json"
	"testing"
)

// delivery_success=true lists the events no endpoint still waits for,
// false those an endpoint has not had delivered yet.
func TestEventsByDeliverySuccess(t *testing.T) {
	e, _ := New(Options{Now: clock})
	answer(t, e, "POST", "/v1/customers", "name=before")
	answer(t, e, "POST", "/v1/webhook_endpoints", "url=http://127.0.0.1:9/hook&enabled_events[]=customer.created")
	answer(t, e, "POST", "/v1/customers", "name=after")
	for q, want := range map[string]string{"true": "before", "false": "after"} {
		evs := listed(t, e, "/v1/events?type=customer.created&delivery_success="+q)
		if len(evs) != 1 {
			t.Errorf("delivery_success=%s: %v", q, types(evs))
			continue
		}
		var cus struct{ Name string }
		_ = json.Unmarshal(evs[0].Data.Object, &cus)
		if cus.Name != want {
			t.Errorf("delivery_success=%s: the customer named %s, want %s", q, cus.Name, want)
		}
	}
	if rec := do(t, e, "GET", "/v1/events?delivery_success=maybe", testKey, "", nil); rec.Code != 400 {
		t.Errorf("delivery_success=maybe: %d", rec.Code)
	}
}
