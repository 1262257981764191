package emulator

import "testing"

func TestUpdatePaymentIntent(t *testing.T) {
	e, _ := New(Options{Now: clock})
	pi := answer(t, e, "POST", "/v1/payment_intents", "amount=1000&currency=usd&payment_method_types[]=card")["id"].(string)
	got := answer(t, e, "POST", "/v1/payment_intents/"+pi, "amount=2500&currency=EUR&description=hat&payment_method=pm_card_visa")
	if got["amount"] != 2500.0 || got["currency"] != "eur" || got["description"] != "hat" ||
		got["payment_method"] == nil || got["status"] != "requires_confirmation" {
		t.Errorf("updated: %v", got)
	}
	if ch := answer(t, e, "POST", "/v1/payment_intents/"+pi+"/confirm", ""); ch["status"] != "succeeded" || ch["amount_received"] != 2500.0 {
		t.Errorf("confirmed after the update: %v %v", ch["status"], ch["amount_received"])
	}

	// Once paid, only the description changes.
	if got := answer(t, e, "POST", "/v1/payment_intents/"+pi, "description=scarf&metadata[order]=42"); got["description"] != "scarf" ||
		got["metadata"].(map[string]any)["order"] != "42" {
		t.Errorf("description and metadata after success: %v %v", got["description"], got["metadata"])
	}
	rec := do(t, e, "POST", "/v1/payment_intents/"+pi, testKey, "amount=100", nil)
	if eb := errorBody(t, rec); rec.Code != 400 || eb.Code != codeUnexpectedState || eb.Param != "amount" {
		t.Errorf("amount of a succeeded PaymentIntent: %d %s", rec.Code, rec.Body)
	}

	// A change of payment while 3D Secure waits drops the challenge.
	pi3 := answer(t, e, "POST", "/v1/payment_intents", "amount=1000&currency=usd&confirm=true&payment_method=pm_card_threeDSecure2Required&return_url=https://example.com/done")
	if pi3["status"] != "requires_action" {
		t.Fatalf("3DS card: %v", pi3["status"])
	}
	got = answer(t, e, "POST", "/v1/payment_intents/"+pi3["id"].(string), "amount=1200")
	if got["status"] != "requires_confirmation" || got["next_action"] != nil || got["amount"] != 1200.0 {
		t.Errorf("updated in requires_action: %v %v %v", got["status"], got["next_action"], got["amount"])
	}

	for _, tc := range []struct {
		path, body string
		status     int
		param      string
	}{
		{"/v1/payment_intents/pi_nope", "amount=100", 404, "intent"},
		{"/v1/payment_intents/" + pi3["id"].(string), "amount=ten", 400, "amount"},
		{"/v1/payment_intents/" + pi3["id"].(string), "currency=zzz", 400, "currency"},
		{"/v1/payment_intents/" + pi3["id"].(string), "customer=cus_nope", 400, "customer"},
		{"/v1/payment_intents/" + pi3["id"].(string), "capture_method=later", 400, "capture_method"},
	} {
		rec := do(t, e, "POST", tc.path, testKey, tc.body, nil)
		if rec.Code != tc.status || errorBody(t, rec).Param != tc.param {
			t.Errorf("%s %s: %d %s, want %d naming %s", tc.path, tc.body, rec.Code, rec.Body, tc.status, tc.param)
		}
	}
}
