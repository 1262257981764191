package views

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// The Uses section follows the log past the token's own uses: a bank
// account's verification, a debit of its customer and a refund of it are
// rows too, each named for its path, with what it answered.
func TestReportUsesFollowTheLog(t *testing.T) {
	at := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	rec := model.Record{ID: "btok_1", Type: model.KindBankAccount, Used: true,
		Raw:  []byte(`{"id":"btok_1","type":"bank_account","used":true,"bank_account":{"last4":"6789"}}`),
		Uses: []model.Use{{Kind: model.UseCustomer, ObjectID: "cus_Ab1", Status: "attached", RequestID: "req_1", At: at}}}
	log := []model.LoggedRequest{
		{Method: "POST", Path: "/v1/customers", Status: 200, RequestID: "req_1", Time: at, Response: `{"id":"cus_Ab1","object":"customer"}`},
		{Method: "POST", Path: "/v1/customers/cus_Ab1/sources/ba_Cd2/verify", Status: 200, RequestID: "req_2", Time: at,
			Response: `{"id":"ba_Cd2","object":"bank_account","status":"verified"}`},
		{Method: "POST", Path: "/v1/charges", Body: "customer=cus_Ab1&amount=1500", Status: 200, RequestID: "req_3", Time: at,
			Response: `{"id":"py_Ef3","object":"charge","status":"pending","amount":1500,"currency":"usd"}`},
		{Method: "GET", Path: "/v1/charges/py_Ef3", Status: 200, RequestID: "req_4", Time: at, Response: `{"id":"py_Ef3","object":"charge"}`},
		{Method: "POST", Path: "/v1/refunds", Body: "charge=py_Ef3", Status: 400, RequestID: "req_5", Time: at,
			Response: `{"error":{"type":"invalid_request_error","message":"still pending"}}`},
	}
	r := NewReport(model.Story{Token: rec, Requests: log}, at)
	var b bytes.Buffer
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"1. customer → cus_Ab1", "2. verify → ba_Cd2: verified", "3. charge 15.00 usd → py_Ef3: pending", "4. refund: HTTP 400 invalid_request_error",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in:\n%s", want, b.String())
		}
	}
	if len(r.Uses) != 4 {
		t.Errorf("uses %+v", r.Uses)
	}
}

// A partial capture's row says what it captured and what it released,
// for a charge (amount_captured) and a PaymentIntent (amount_received),
// not the whole amount its answer also holds.
func TestReportCaptureStepSaysWhatItCaptured(t *testing.T) {
	at := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct{ path, resp string }{
		{"/v1/charges/ch_Ab1/capture", `{"id":"ch_Ab1","object":"charge","status":"succeeded","captured":true,"amount":5000,"amount_captured":2000,"currency":"usd"}`},
		{"/v1/payment_intents/pi_Ab1/capture", `{"id":"pi_Ab1","object":"payment_intent","status":"succeeded","amount":5000,"amount_received":2000,"currency":"usd"}`},
	} {
		step := requestStep(model.LoggedRequest{Method: "POST", Path: c.path, Status: 200, RequestID: "req_2", Time: at, Response: c.resp})
		if want := "20.00 usd (30.00 usd released uncaptured)"; step.Amount != want {
			t.Errorf("%s: amount %q, want %q", c.path, step.Amount, want)
		}
	}
}
