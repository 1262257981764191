package emulator

import "testing"

func TestUpdateCharge(t *testing.T) {
	e, _ := New(Options{Now: clock})
	ch := answer(t, e, "POST", "/v1/charges", "amount=1000&currency=usd&source=tok_visa&description=old")["id"].(string)
	got := answer(t, e, "POST", "/v1/charges/"+ch, "description=new&receipt_email=jenny@example.com&metadata[order]=42")
	if got["description"] != "new" || got["receipt_email"] != "jenny@example.com" || got["metadata"].(map[string]any)["order"] != "42" {
		t.Errorf("updated charge: %v %v %v", got["description"], got["receipt_email"], got["metadata"])
	}
	evs := listed(t, e, "/v1/events?type=charge.updated")
	if len(evs) != 1 || string(evs[0].Data.PreviousAttributes["description"]) != `"old"` {
		t.Fatalf("charge.updated: %v", evs)
	}
	// A refund is charge.refunded, not charge.updated.
	answer(t, e, "POST", "/v1/refunds", "charge="+ch+"&amount=100")
	if evs := listed(t, e, "/v1/events?type=charge.updated"); len(evs) != 1 {
		t.Errorf("charge.updated events after a refund: %d", len(evs))
	}
	for _, tc := range []struct{ path, body, param string }{
		{"/v1/charges/ch_nope", "description=x", "id"},
		{"/v1/charges/" + ch, "receipt_email=nope", "receipt_email"},
		{"/v1/charges/" + ch, "amount=5", "amount"},
	} {
		if rec := do(t, e, "POST", tc.path, testKey, tc.body, nil); rec.Code/100 != 4 || errorBody(t, rec).Param != tc.param {
			t.Errorf("%s %s: %d %s", tc.path, tc.body, rec.Code, rec.Body)
		}
	}
}
