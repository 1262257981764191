package emulator

import (
	"encoding/json"
	"testing"
)

// BenchmarkCustomerUpdateWithSources is one update of a customer that
// holds three card sources: the write, and its events, which render the
// customer and its sources list before and after.
func BenchmarkCustomerUpdateWithSources(b *testing.B) {
	e, _ := New(Options{Now: clock})
	var cus struct{ ID string }
	_ = json.Unmarshal(post(b, e, "/v1/customers", "email=a@example.com", nil).Body.Bytes(), &cus)
	for range 3 {
		post(b, e, "/v1/customers/"+cus.ID+"/sources", "source=tok_visa", nil)
	}
	b.ReportAllocs()
	for b.Loop() {
		post(b, e, "/v1/customers/"+cus.ID, "metadata[n]=1", nil)
	}
}
