package emulator

import (
	"encoding/json"
	"slices"
	"testing"
)

// A dispute on a PaymentIntent's charge names the PaymentIntent, as
// Stripe's does, and GET /v1/disputes finds it by payment_intent (the
// usual way to look a dispute up now) as by charge.
func TestDisputeNamesItsPaymentIntent(t *testing.T) {
	e, _ := New(Options{Now: clock})
	var pi struct {
		ID           string
		LatestCharge string `json:"latest_charge"`
	}
	json.Unmarshal(post(t, e, "/v1/payment_intents", "amount=2000&currency=usd&confirm=true&payment_method_types[]=card&payment_method=pm_card_createDispute", nil).Body.Bytes(), &pi)
	other := post(t, e, "/v1/charges", "amount=1000&currency=usd&source=tok_createDispute", nil)
	var ch struct{ ID string }
	json.Unmarshal(other.Body.Bytes(), &ch)

	var all struct {
		Data []struct {
			ID, Charge    string
			PaymentIntent *string `json:"payment_intent"`
		}
	}
	json.Unmarshal(do(t, e, "GET", "/v1/disputes", testKey, "", nil).Body.Bytes(), &all)
	if len(all.Data) != 2 || all.Data[0].Charge != ch.ID || all.Data[0].PaymentIntent != nil {
		t.Fatalf("disputes, newest first: %+v, want the charge's without a PaymentIntent first", all.Data)
	}
	d, chDispute := all.Data[1], all.Data[0].ID
	if d.Charge != pi.LatestCharge || d.PaymentIntent == nil || *d.PaymentIntent != pi.ID {
		t.Errorf("dispute %s: charge %s payment_intent %v, want %s %s", d.ID, d.Charge, d.PaymentIntent, pi.LatestCharge, pi.ID)
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"payment_intent=" + pi.ID, []string{d.ID}},
		{"charge=" + pi.LatestCharge, []string{d.ID}},
		{"charge=" + ch.ID, []string{chDispute}},
		{"payment_intent=pi_none", nil},
		{"", []string{chDispute, d.ID}},
	} {
		var list struct{ Data []struct{ ID string } }
		json.Unmarshal(do(t, e, "GET", "/v1/disputes?"+tc.query, testKey, "", nil).Body.Bytes(), &list)
		var got []string
		for _, x := range list.Data {
			got = append(got, x.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("?%s: %v, want %v", tc.query, got, tc.want)
		}
	}
}
