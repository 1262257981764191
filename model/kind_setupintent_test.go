package model

import (
	"strings"
	"testing"
)

// A seti_ id is a SetupIntent, read at its path, whose detail says what
// its status means for the card it saves and why a setup failed.
func TestSetupIntentKind(t *testing.T) {
	s, ok := KindOfID("seti_1Mm8s8LkdIwHu7ix0OXBfTRG")
	if !ok || s.Kind != KindSetupIntent || s.ObjectPath("seti_1", "") != "/v1/setup_intents/seti_1" {
		t.Fatalf("KindOfID: %+v %v", s, ok)
	}
	show := func(raw string) map[string]string {
		t.Helper()
		o, err := NewObject([]byte(raw), "req_1", testNow)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range s.Fields {
			out[f.Label] = f.Show(o.Fields())
		}
		return out
	}
	got := show(`{"id":"seti_1","object":"setup_intent","livemode":false,"status":"succeeded","usage":"off_session","payment_method":"pm_1","customer":"cus_1","created":1}`)
	if !strings.HasPrefix(got["status"], "succeeded: the card is saved") || got["payment_method"] != "pm_1" || got["usage"] != "off_session" {
		t.Errorf("succeeded: %v", got)
	}
	got = show(`{"id":"seti_2","object":"setup_intent","livemode":false,"status":"requires_payment_method","usage":"off_session",
		"last_setup_error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds."}}`)
	if !strings.Contains(got["last_error"], "insufficient_funds") || got["last_error_message"] != "Your card has insufficient funds." {
		t.Errorf("failed: %v", got)
	}
}
