package emulator

import (
	"strings"
	"testing"
)

// An event names its request's Idempotency-Key as it was sent, stripe-go's
// default key (a nanosecond time and 6 characters) too, so that it can be
// matched with the request; a key that is a card number is masked.
func TestEventIdempotencyKeys(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for key, want := range map[string]string{
		"1796471154390440005_vP0_WQ": "1796471154390440005_vP0_WQ",
		"4000056655665556":           "••••5556",
		"4000 0566 5566 5556":        "••••5556",
	} {
		post(t, e, "/v1/customers", "source=tok_visa", map[string]string{"Idempotency-Key": key})
		rec := do(t, e, "GET", "/v1/events?type=customer.created&limit=1", testKey, "", nil)
		if !strings.Contains(rec.Body.String(), `"idempotency_key": "`+want+`"`) && !strings.Contains(rec.Body.String(), `"idempotency_key":"`+want+`"`) {
			t.Errorf("key %q: want %q in\n%s", key, want, rec.Body)
		}
	}
}
