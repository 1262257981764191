package scenario

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A customer's charges, which the state does not record and a scenario
// cannot run, are named in the block of the token whose use made the
// customer (from the request log), never dropped in silence; the file
// still applies.
func TestExportNamesTheCustomersCharges(t *testing.T) {
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	log := []model.LoggedRequest{
		{Method: "POST", Path: "/v1/charges", Body: "amount=1000&currency=usd&customer=cus_1", Status: 402, RequestID: "req_1", Time: now,
			Response: `{"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","charge":"ch_1"}}`},
		{Method: "POST", Path: "/v1/charges", Body: "amount=500&currency=usd&source=tok_9", Status: 200, RequestID: "req_2", Time: now,
			Response: `{"id":"ch_2","object":"charge","status":"succeeded"}`},
	}
	tokens := []model.Record{{ID: "tok_1", Type: model.KindCard, Preset: "customer_charge_fail",
		Raw:  []byte(`{"id":"tok_1","type":"card","card":{"brand":"Visa","last4":"0341"}}`),
		Uses: []model.Use{{Kind: model.UseCustomer, Status: "attached", ObjectID: "cus_1"}}}}
	src, written, _ := Export(tokens, model.CustomerCharges(log), now)
	if written != 1 {
		t.Fatalf("written %d:\n%s", written, src)
	}
	if _, diags := parse("export.hcl", src, now); diags.HasErrors() {
		t.Fatalf("%s\n%s", diags, src)
	}
	for _, w := range []string{"charge of its customer, 10.00 usd (ch_1): failed: card_declined / generic_decline", "--charge 1000 --currency usd"} {
		if !strings.Contains(string(src), w) {
			t.Errorf("no %q in:\n%s", w, src)
		}
	}
	if strings.Contains(string(src), "ch_2") {
		t.Errorf("a charge of no customer of the state written:\n%s", src)
	}
}

// The "was:" comment above a PaymentIntent's use says what the use
// itself got, not the status the steps after it left the PaymentIntent
// in (the use's record follows its PaymentIntent).
func TestExportWasIsTheUsesOwnAnswer(t *testing.T) {
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	tokens := []model.Record{{ID: "tok_1", Type: model.KindCard, Preset: "threeds_required",
		Raw:   []byte(`{"id":"tok_1","type":"card","card":{"brand":"Visa","last4":"3220"}}`),
		Uses:  []model.Use{{Kind: model.UsePaymentIntent, Status: model.PISucceeded, Amount: 2000, Currency: "usd", ObjectID: "pi_1"}},
		Steps: []model.Use{{Kind: model.StepAuthenticate, ObjectID: "pi_1", Status: model.PISucceeded}}}}
	src, _, _ := Export(tokens, nil, now)
	if !strings.Contains(string(src), "# was: requires_action\n  use \"payment_intent\"") {
		t.Errorf("use's comment:\n%s", src)
	}
}
