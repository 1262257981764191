package emulator

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// A dispute card's charge succeeds first, then its dispute opens: the
// events come in that order, and charge.succeeded holds the charge as it
// was then (disputed false); a PaymentIntent's charge too.
func TestDisputeEventsFollowTheCharge(t *testing.T) {
	for name, req := range map[string][2]string{
		"charge":         {"/v1/charges", "amount=3000&currency=usd&source=tok_createDispute"},
		"payment intent": {"/v1/payment_intents", "amount=3000&currency=usd&payment_method=pm_card_createDispute&confirm=true&payment_method_types[]=card"},
	} {
		e, _ := New(Options{Now: clock})
		post(t, e, req[0], req[1], nil)
		evs := listed(t, e, "/v1/events?type=charge.*")
		slices.Reverse(evs) // oldest first
		got := types(evs)
		want := []string{"charge.succeeded", "charge.dispute.created", "charge.dispute.funds_withdrawn"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: events oldest first %v, want %v", name, got, want)
			continue
		}
		var ch struct{ Disputed bool }
		if err := json.Unmarshal(evs[0].Data.Object, &ch); err != nil || ch.Disputed {
			t.Errorf("%s: charge.succeeded's charge: disputed %v %v", name, ch.Disputed, err)
		}
		rec := do(t, e, "GET", "/v1/charges", testKey, "", nil)
		if !json.Valid(rec.Body.Bytes()) || !strings.Contains(strings.ReplaceAll(rec.Body.String(), " ", ""), `"disputed":true`) {
			t.Errorf("%s: the charge is not disputed now: %s", name, rec.Body)
		}
	}
}
